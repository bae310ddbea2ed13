package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BeanValidationParameterConstraints#addsNothingToSchema}: only bounds on whole numbers, which the
 * schema check rejects exactly as Bean Validation would, let a method's arguments go unchecked a second time.
 */
class BeanValidationParameterConstraintsTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final BeanValidationParameterConstraints constraints = new BeanValidationParameterConstraints(
			validation.getValidator());

	@AfterAll
	static void closeValidation() {
		validation.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "unconstrained", "boundedInt", "boundedLongs", "positiveWrapper" })
	void boundsOnWholeNumbersAddNothing(String method) {
		assertThat(this.constraints.addsNothingToSchema(method(method))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "email", "numberAsText", "decimal", "notNull", "cascaded", "elements", "size" })
	void everyOtherConstraintIsCheckedAgain(String method) {
		assertThat(this.constraints.addsNothingToSchema(method(method))).isFalse();
	}

	private static Method method(String name) {
		return Arrays.stream(Game.class.getDeclaredMethods())
			.filter((method) -> method.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	record Move(@Min(0) int cell) {
	}

	@SuppressWarnings("unused")
	static class Game {

		void unconstrained(int cell, String name) {
		}

		void boundedInt(@Min(0) @Max(8) int cell) {
		}

		void boundedLongs(@Min(-5) long low, @Max(5) Long high) {
		}

		void positiveWrapper(@Positive Integer count) {
		}

		void email(@Email String contact) {
		}

		void numberAsText(@Min(3) String digits) {
		}

		void decimal(@DecimalMax("0.5") double share) {
		}

		void notNull(@NotNull String name) {
		}

		void cascaded(@Valid Move move) {
		}

		void elements(List<@Min(1) Integer> cells) {
		}

		void size(@Size(max = 3) String name) {
		}

	}

}
