package io.github.neurospringboot.kotlin

import io.github.neurospringboot.action.ActionDispatcher
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration
import io.github.neurospringboot.test.EmbeddedNeuroExtension
import io.github.neurospringboot.testlogging.ExpectedLogs
import java.time.Duration
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.assertj.core.api.Assertions.assertThat
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.skyscreamer.jsonassert.JSONAssert
import org.skyscreamer.jsonassert.JSONCompareMode
import org.springframework.boot.autoconfigure.AutoConfigurations
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration
import org.springframework.boot.test.context.runner.ApplicationContextRunner

/**
 * A game written in Kotlin, played by an embedded Neuro over a real websocket: its data class, nullable and
 * defaulted parameters and suspend functions as Neuro sees them, in the registration and the result frames.
 */
class KotlinActionsIntegrationTests {

	companion object {

		@JvmField
		@RegisterExtension
		val logs: ExpectedLogs = ExpectedLogs.from(ActionDispatcher::class.java)

		private val WAIT: Duration = Duration.ofSeconds(10)

		private const val INT_RANGE = """"type":"integer","minimum":-2147483648,"maximum":2147483647"""

	}

	/** A fresh embedded Neuro for each test; every registration must be valid as the real server reads it. */
	@JvmField
	@RegisterExtension
	val neuro: EmbeddedNeuroExtension = EmbeddedNeuroExtension().failOnLintErrors()

	private fun runner(): ApplicationContextRunner = ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration::class.java, NeuroAutoConfiguration::class.java))
		.withPropertyValues("neuro.game=Kotlin Chess", "neuro.url=${neuro.get().url()}")
		.withBean(ChessGame::class.java)

	@Test
	fun theSchemasFollowKotlinDataClassesNullableTypesAndDefaultValues() {
		runner().run {
			val actions = neuro.get().awaitFrame("actions/register", WAIT).json().at("/data/actions")
			JSONAssert.assertEquals("""
				[{"name":"brood","description":"Brood over the position."},
				 {"name":"move","description":"Move a piece.","schema":{"type":"object","properties":{
				   "from":{$INT_RANGE},"to":{$INT_RANGE},"promotion":{"type":"string","enum":["QUEEN","KNIGHT"]},
				   "times":{$INT_RANGE}},"required":["from","to"]}},
				 {"name":"ponder","description":"Think about the board.","schema":{"type":"object","properties":{
				   "depth":{$INT_RANGE}}}},
				 {"name":"resign","description":"Resign the game."},
				 {"name":"say","description":"Say something to the chat.","schema":{"type":"object","properties":{
				   "text":{"type":"string"},"loudly":{"type":"boolean"},"emote":{"type":"string"}},
				   "required":["text"]}}]""", actions.toString(), JSONCompareMode.STRICT)
		}
	}

	@Test
	fun aDataClassParameterLeftOutGetsItsDefaultValueOrNull() {
		runner().run { context ->
			awaitRegistration()
			val game = context.getBean(ChessGame::class.java)
			assertThat(neuro.get().execute("move", """{"from":3,"to":4}""").assertSuccess().message())
				.isEqualTo("You moved 1 time(s) from 3 to 4.")
			assertThat(neuro.get().execute("move", """{"from":5,"to":6,"promotion":"QUEEN","times":2}""")
				.assertSuccess().message()).isEqualTo("You moved 2 time(s) from 5 to 6, promoting to a QUEEN.")
			assertThat(game.moves).containsExactly(Move(3, 4), Move(5, 6, Piece.QUEEN, 2))
		}
	}

	@Test
	fun aParameterLeftOutGetsItsDefaultValueOrNull() {
		runner().run {
			awaitRegistration()
			assertThat(neuro.get().execute("say", """{"text":"gg"}""").assertSuccess().message())
				.isEqualTo("You said: gg")
			assertThat(neuro.get().execute("say", """{"text":"gg","loudly":true,"emote":":)"}""").assertSuccess()
				.message()).isEqualTo("You said: GG :)")
		}
	}

	@Test
	fun aRequiredParameterLeftOutIsNamedWithoutCallingTheFunction() {
		runner().run { context ->
			awaitRegistration()
			neuro.get().execute("move", """{"from":3}""")
				.assertFailure("Action failed: invalid parameters for 'move'. Missing required parameter 'to'.")
			assertThat(context.getBean(ChessGame::class.java).moves).isEmpty()
		}
	}

	@Test
	fun aNeuroActionExceptionFromAFunctionIsHerFailure() {
		runner().run {
			awaitRegistration()
			neuro.get().execute("move", """{"from":3,"to":3}""")
				.assertFailure("A piece must move: from and to are both 3.")
		}
	}

	@Test
	fun aSuspendFunctionIsAwaited() {
		runner().run {
			awaitRegistration()
			assertThat(neuro.get().execute("ponder", null).assertSuccess().message())
				.isEqualTo("You thought 2 moves ahead.")
			assertThat(neuro.get().execute("ponder", """{"depth":5}""").assertSuccess().message())
				.isEqualTo("You thought 5 moves ahead.")
		}
	}

	@Test
	fun aNeuroActionExceptionFromASuspendFunctionIsHerFailure() {
		runner().run {
			awaitRegistration()
			neuro.get().execute("resign", null).assertFailure("You cannot resign while you are winning.")
		}
	}

	@Test
	fun aSuspendFunctionPastTheResultDeadlineTimesOutAndItsLateResultIsDiscarded() {
		runner().withPropertyValues("neuro.actions.result-timeout=1s").run { context ->
			awaitRegistration()
			val game = context.getBean(ChessGame::class.java)
			val outcome = neuro.get().execute("brood", null)
			assertThat(outcome.success()).isFalse()
			assertThat(outcome.message())
				.isEqualTo("Action 'brood' timed out: the game did not finish it within 1 s.")
			game.stopBrooding.complete(Unit)
			runBlocking { withTimeout(WAIT.toMillis()) { game.broodingStopped.await() } }
			await().atMost(WAIT).untilAsserted {
				assertThat(logs.text()).contains("Action 'brood' (id ${outcome.id()}) finished after its result " +
					"deadline; Neuro was told it timed out, and this outcome was discarded")
			}
			// The late outcome sent nothing: up to the next action's result, brood had one result, the timed-out one
			neuro.get().execute("ponder", null).assertSuccess()
			assertThat(neuro.get().frames().filter {
				it.command() == "action/result" && it.json().at("/data/id").asString() == outcome.id()
			}).hasSize(1)
		}
	}

	private fun awaitRegistration() {
		neuro.get().awaitFrame("actions/register", WAIT)
	}

}
