package io.github.neurospringboot.kotlin

import io.github.neurospringboot.action.NeuroActionException
import io.github.neurospringboot.annotation.NeuroAction
import java.util.concurrent.CopyOnWriteArrayList
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.delay

/** A piece Neuro may promote a pawn to. */
enum class Piece { QUEEN, KNIGHT }

/** A move: a data class, so as the only parameter it is the whole payload; the last two may be left out. */
data class Move(val from: Int, val to: Int, val promotion: Piece? = null, val times: Int = 1)

/** A game written in Kotlin, as a Kotlin developer writes one. */
class ChessGame {

	val moves = CopyOnWriteArrayList<Move>()

	/** Lets [brood] finish. */
	val stopBrooding = CompletableDeferred<Unit>()

	/** Completed when [brood] has finished. */
	val broodingStopped = CompletableDeferred<Unit>()

	@NeuroAction(description = "Move a piece.")
	fun move(move: Move): String {
		if (move.from == move.to) {
			throw NeuroActionException("A piece must move: from and to are both ${move.to}.")
		}
		moves += move
		return "You moved ${move.times} time(s) from ${move.from} to ${move.to}" +
			(move.promotion?.let { ", promoting to a $it" } ?: "") + "."
	}

	@NeuroAction(description = "Say something to the chat.")
	fun say(text: String, loudly: Boolean = false, emote: String? = null): String =
		"You said: " + (if (loudly) text.uppercase() else text) + (emote?.let { " $it" } ?: "")

	@NeuroAction(description = "Think about the board.")
	suspend fun ponder(depth: Int = 2): String {
		delay(1) // really suspends: the result comes from another thread
		return "You thought $depth moves ahead."
	}

	@NeuroAction(description = "Resign the game.")
	suspend fun resign(): String {
		delay(1)
		throw NeuroActionException("You cannot resign while you are winning.")
	}

	@NeuroAction(description = "Brood over the position.")
	suspend fun brood(): String {
		try {
			stopBrooding.await()
			return "You stopped brooding."
		} finally {
			broodingStopped.complete(Unit)
		}
	}

}
