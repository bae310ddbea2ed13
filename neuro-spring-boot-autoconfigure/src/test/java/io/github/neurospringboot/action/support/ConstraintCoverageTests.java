package io.github.neurospringboot.action.support;

import java.util.List;

import io.github.neurospringboot.action.InvalidActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Bean Validation constraint on an action's parameters is advertised in the schema or checked by Bean Validation;
 * one that would be neither fails at startup, naming the method, the property and the fix.
 */
class ConstraintCoverageTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(AnnotationConfigApplicationContext.class);

	private static final String FIX_WITH_VALIDATOR = "Bean Validation checks a record's components only through "
			+ "@Valid: add @Valid to the parameter and to each record component or list element on the way to '%s', "
			+ "or check it in the method and throw a NeuroActionException that tells Neuro what to send.";

	private final ApplicationContextRunner withoutValidator = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
		.withPropertyValues("neuro.game=Test Game", "neuro.auto-startup=false");

	private final ApplicationContextRunner withValidator = this.withoutValidator
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class));

	@Test
	void aConstraintInsideARecordThatBeanValidationDoesNotReachFailsAtStartup() {
		this.withValidator.withBean(UncheckedLetter.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidActionException.class)
				.hasMessage("UncheckedLetter.send(Letter) has @Email on 'to', which Neuro's schema cannot express "
						+ "and nothing checks. " + FIX_WITH_VALIDATOR.formatted("to")));
	}

	@Test
	void aConstraintBeanValidationReachesThroughValidIsKept() {
		this.withValidator.withBean(CheckedLetter.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void everyRecordOnTheWayNeedsValid() {
		this.withValidator.withBean(HalfCheckedParcel.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessage("HalfCheckedParcel.send(Parcel) has @Email on 'letter.to', which Neuro's schema cannot "
						+ "express and nothing checks. " + FIX_WITH_VALIDATOR.formatted("letter.to")));
	}

	@Test
	void listElementsOfAValidatedRecordAreChecked() {
		this.withValidator.withBean(CheckedMailingList.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutAValidatorOnlyWhatTheSchemaExpressesIsKept() {
		this.withoutValidator.withBean(CheckedLetter.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessage("CheckedLetter.send(Letter) has @Email on 'to', which Neuro's schema cannot express and "
						+ "nothing checks. Add spring-boot-starter-validation, with @Valid on the parameter and on "
						+ "each record component or list element on the way to 'to', or check it in the method and "
						+ "throw a NeuroActionException that tells Neuro what to send."));
		this.withoutValidator.withBean(Bounded.class).run((context) -> assertThat(context).hasNotFailed());
	}

	record Letter(@Email String to) {
	}

	record Parcel(Letter letter) {
	}

	record MailingList(List<@Email String> to) {
	}

	record Swings(@Min(1) @Max(3) int count, List<@Min(0) Integer> rolls) {
	}

	static class UncheckedLetter {

		@NeuroAction(description = "Send a letter.")
		void send(Letter letter) {
		}

	}

	static class CheckedLetter {

		@NeuroAction(description = "Send a letter.")
		void send(@Valid Letter letter) {
		}

	}

	static class HalfCheckedParcel {

		@NeuroAction(description = "Send a parcel.")
		void send(@Valid Parcel parcel) {
		}

	}

	static class CheckedMailingList {

		@NeuroAction(description = "Send to everyone.")
		void send(@Valid MailingList list) {
		}

	}

	static class Bounded {

		@NeuroAction(description = "Swing.")
		void swing(Swings swings, @Min(0) int times) {
		}

	}

}
