package io.github.neurospringboot.aot;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.github.neurospringboot.action.ActionContext;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.annotation.NeuroParam;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints of one action method cover what the schema, the binding and the result touch, to any depth.
 */
class ActionMethodHintsTests {

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void theMethodIsFoundAndInvokedOnItsClass() {
		RuntimeHints hints = hintsOf(Chess.class, "move");
		assertThat(this.reflection.onMethodInvocation(Chess.class, "move")).accepts(hints);
		assertThat(this.reflection.onType(Chess.class)).accepts(hints);
	}

	@Test
	void aRecordParameterIsBoundThroughItsConstructorAndReadThroughItsComponents() {
		RuntimeHints hints = hintsOf(Chess.class, "move");
		assertThat(this.reflection.onType(Move.class).withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
				MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Move.class, "piece")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Move.class, "path")).accepts(hints);
	}

	@Test
	void nestedTypesAreCoveredToAnyDepth() {
		RuntimeHints hints = hintsOf(Chess.class, "move");
		// An enum component, its constants as Jackson writes them included.
		assertThat(this.reflection.onType(Piece.class).withMemberCategory(MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
		// A nested record, and the elements of a list inside it.
		assertThat(this.reflection.onMethodInvocation(Square.class, "file")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Waypoint.class, "label")).accepts(hints);
		// The elements of an array, where Spring's binding hints stop.
		assertThat(this.reflection.onMethodInvocation(Card.class, "suit")).accepts(hints);
		// The value of an Optional.
		assertThat(this.reflection.onMethodInvocation(Note.class, "text")).accepts(hints);
	}

	@Test
	void theTypeOfAFieldWithoutAccessorIsCoveredToo() {
		RuntimeHints hints = hintsOf(Chess.class, "configure");
		assertThat(this.reflection.onType(Options.class).withMemberCategory(MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Speed.class, "value")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Level.class, "value")).accepts(hints);
	}

	@Test
	void theActionContextIsNotBound() {
		RuntimeHints hints = hintsOf(Chess.class, "move");
		assertThat(this.reflection.onType(ActionContext.class)).rejects(hints);
	}

	@Test
	void anObjectReturnedIsWrittenAsJsonEvenWhenItComesLater() {
		RuntimeHints hints = hintsOf(Chess.class, "report");
		assertThat(this.reflection.onMethodInvocation(Report.class, "score")).accepts(hints);
		assertThat(this.reflection.onType(Report.class).withMemberCategory(MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
	}

	@Test
	void theInterfaceAJdkProxyExposesIsInvokedToo() {
		RuntimeHints hints = hintsOf(Dice.class, "roll");
		assertThat(this.reflection.onMethodInvocation(Dice.class, "roll")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Rolls.class, "roll")).accepts(hints);
	}

	private static RuntimeHints hintsOf(Class<?> type, String methodName) {
		RuntimeHints hints = new RuntimeHints();
		new ActionMethodHints().register(hints.reflection(),
				ReflectionUtils.findMethod(type, methodName, (Class<?>[]) null));
		return hints;
	}

	static class Chess {

		@NeuroAction(description = "Move a piece.")
		void move(Move move, ActionContext context) {
		}

		@NeuroAction(description = "Change the options.")
		void configure(Options options, @NeuroParam(name = "level") Level level) {
		}

		@NeuroAction(description = "Report the score.")
		CompletionStage<Optional<Report>> report() {
			throw new UnsupportedOperationException();
		}

	}

	record Move(Piece piece, Square from, List<Waypoint> path, Card[] hand, Optional<Note> note) {
	}

	enum Piece {

		KING, QUEEN

	}

	record Square(int file, int rank) {
	}

	record Waypoint(String label) {
	}

	record Card(String suit) {
	}

	record Note(String text) {
	}

	static class Options {

		public Speed speed = new Speed(1);

	}

	record Speed(int value) {
	}

	record Level(int value) {
	}

	record Report(int score) {
	}

	interface Rolls {

		String roll(int sides);

	}

	static class Dice implements Rolls {

		@Override
		@NeuroAction(description = "Roll a die.")
		public String roll(int sides) {
			return "4";
		}

	}

}
