package io.github.neurospringboot.aot;

import java.util.Optional;

import io.github.neurospringboot.action.ActionContext;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.aop.support.AopUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application processed ahead of time, then started from the code generated for it, as
 * {@code -Dspring.aot.enabled=true} does: its actions are found, proxied beans included, and run; the processing
 * contributes their hints and the protocol's.
 */
@CompileWithForkedClassLoader
class NeuroAotProcessingTests {

	private static final String[] PROPERTIES = { "neuro.game=Test Game", "neuro.auto-startup=false",
			"neuro.url=ws://127.0.0.1:1/" };

	@Test
	void theActionsOfAContextStartedFromGeneratedCodeAreFoundAndRunProxiedOnesIncluded() {
		TestGenerationContext generation = new TestGenerationContext();
		ClassName initializer = processAheadOfTime(generation);
		generation.writeGeneratedContent();
		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			try (GenericApplicationContext context = new GenericApplicationContext()) {
				TestPropertyValues.of(PROPERTIES).applyTo(context);
				@SuppressWarnings("unchecked")
				ApplicationContextInitializer<GenericApplicationContext> generated = compiled
					.getInstance(ApplicationContextInitializer.class, initializer.toString());
				generated.initialize(context);
				context.refresh();
				assertThat(AopUtils.isCglibProxy(context.getBean(Aiming.class))).isTrue();
				ActionRegistry registry = context.getBean(ActionRegistry.class);
				assertThat(registry.names()).containsExactlyInAnyOrder("aim", "place_mark");
				assertThat(execute(registry, "aim", "angle", 30)).isEqualTo("Aimed at 30 degrees.");
				assertThat(execute(registry, "place_mark", "cell", 4)).isEqualTo("Marked cell 4.");
			}
		});
	}

	@Test
	void theProcessingContributesTheHintsOfEveryActionAndOfTheProtocol() throws ClassNotFoundException {
		TestGenerationContext generation = new TestGenerationContext();
		processAheadOfTime(generation);
		RuntimeHints hints = generation.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Aiming.class, "aim")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Board.class, "placeMark")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation("io.github.neurospringboot.protocol.NeuroMessageCodec$Envelope", "data"))
			.accepts(hints);
	}

	/** What the build does: refresh the application for AOT processing, and generate its code and hints. */
	private static ClassName processAheadOfTime(TestGenerationContext generation) {
		try (AnnotationConfigApplicationContext buildTime = new AnnotationConfigApplicationContext()) {
			TestPropertyValues.of(PROPERTIES).applyTo(buildTime);
			buildTime.register(Game.class);
			return new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generation);
		}
	}

	private static Object execute(ActionRegistry registry, String name, String parameter, int value) {
		ExecutableAction action = registry.find(name).orElseThrow().action();
		ObjectNode parameters = JsonMapper.shared().createObjectNode().put(parameter, value);
		try {
			return action.execute(new ActionContext("1", name, parameters.toString(), parameters, Optional.empty()));
		}
		catch (Exception ex) {
			throw new AssertionError("Action '" + name + "' failed", ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
			NeuroAutoConfiguration.class })
	@Import({ Board.class, Aiming.class })
	static class Game {

	}

	static class Board {

		@NeuroAction(description = "Mark a cell.")
		String placeMark(int cell) {
			return "Marked cell " + cell + ".";
		}

	}

	/** Proxied by method validation. */
	@Validated
	static class Aiming {

		@NeuroAction(description = "Aim the cannon.")
		public String aim(@Min(0) @Max(90) int angle) {
			return "Aimed at " + angle + " degrees.";
		}

	}

}
