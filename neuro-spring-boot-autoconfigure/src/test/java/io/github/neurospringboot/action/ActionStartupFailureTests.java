package io.github.neurospringboot.action;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.annotation.NeuroParam;
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.testing.StartupFailureAnalysis;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way to declare an action Neuro could not use fails at startup, with a message naming the method and the fix.
 */
class ActionStartupFailureTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(AnnotationConfigApplicationContext.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
		.withPropertyValues("neuro.game=Test Game", "neuro.auto-startup=false");

	@Test
	void badName() {
		assertStartupFails(BadName.class, "@NeuroAction on BadName.mark(int) is named 'Place Mark!', which Neuro "
				+ "cannot use: action names use only lower-case letters, digits, '_' and '-'.",
				"Rename it, for example @NeuroAction(name = \"place_mark\").");
	}

	@Test
	void duplicateName() {
		this.runner.withBean(BadName.OneMark.class)
			.withBean(BadName.OtherMark.class)
			.run((context) -> assertFailureAnalysis(context,
					"Two actions are named 'mark': OneMark.mark() and OtherMark.mark(). Action names must be unique "
							+ "in a game.",
					"Rename one with @NeuroAction(name = \"...\")."));
	}

	@Test
	void blankDescription() {
		assertStartupFails(BlankDescription.class, "@NeuroAction on BlankDescription.go() has no description. Neuro "
				+ "reads it to decide when and how to use 'go'.",
				"Say what the action does, with @NeuroAction(description = \"...\").");
	}

	@Test
	void optionalPrimitive() {
		assertStartupFails(OptionalPrimitive.class, "OptionalPrimitive.go(int) marks its parameter 'times' optional, "
				+ "but a primitive int cannot be absent.", "Declare it as Integer or Optional instead.");
	}

	@Test
	void mapParameter() {
		assertStartupFails(MapParameter.class, "MapParameter.go(Map) cannot be described to Neuro: Cannot express "
				+ "java.util.Map<java.lang.String, java.lang.Integer> in Neuro's action schema: "
				+ "java.util.Map<java.lang.String, java.lang.Integer> is a map, and Neuro cannot be told the keys of a "
				+ "map: use a record or a List of records instead.",
				"Change the parameter types of MapParameter.go(Map) as described above.");
	}

	@Test
	void recursiveParameter() {
		assertStartupFails(RecursiveParameter.class, "RecursiveParameter.go(Node) cannot be described to Neuro: "
				+ "Cannot express io.github.neurospringboot.action.ActionStartupFailureTests$Node in Neuro's action "
				+ "schema: at 'children[]', io.github.neurospringboot.action.ActionStartupFailureTests$Node contains "
				+ "itself, and Neuro's schemas cannot express recursion (they have no $ref): use a flat structure, "
				+ "for example a List of records that refer to each other by id.",
				"Change the parameter types of RecursiveParameter.go(Node) as described above.");
	}

	@Test
	void methodAJdkProxyCannotReach() {
		this.runner.withBean("jdkProxied", JdkProxied.class, JdkProxied::new)
			.withBean(BeanNameAutoProxyCreator.class, () -> {
				BeanNameAutoProxyCreator proxies = new BeanNameAutoProxyCreator();
				proxies.setBeanNames("jdkProxied");
				return proxies;
			})
			.run((context) -> assertFailureAnalysis(context,
					"@NeuroAction on JdkProxied.go() cannot be called through the bean's JDK proxy, which only "
							+ "exposes its interfaces.",
					"Declare the method on an interface the bean implements, or proxy the class "
							+ "(proxyTargetClass = true)."));
	}

	@Test
	void parameterNamesLostWithoutDashParameters(@TempDir Path sources) throws Exception {
		Path source = sources.resolve("NoNames.java");
		Files.writeString(source, """
				public class NoNames {
					@io.github.neurospringboot.annotation.NeuroAction(description = "Place a mark.")
					public void placeMark(int cell) {
					}
				}
				""");
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
				sources.toString(), source.toString());
		assertThat(status).as("compiling without -parameters").isZero();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { sources.toUri().toURL() },
				getClass().getClassLoader())) {
			Class<?> noNames = loader.loadClass("NoNames");
			this.runner.withBean("noNames", Object.class, () -> newInstance(noNames))
				.run((context) -> assertFailureAnalysis(context,
						"NoNames.placeMark(int) has a parameter Neuro would know as 'arg0': the class was compiled "
								+ "without -parameters, so its parameter names are lost.",
						"Compile with -parameters (the Spring Boot parent POM does), or name the parameter with "
								+ "@NeuroParam(name = \"...\")."));
		}
	}

	private static Object newInstance(Class<?> type) {
		try {
			return type.getConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void assertStartupFails(Class<?> actions, String description, String action) {
		this.runner.withBean(actions).run((context) -> assertFailureAnalysis(context, description, action));
	}

	private static void assertFailureAnalysis(AssertableApplicationContext context, String description,
			String action) {
		FailureAnalysis analysis = StartupFailureAnalysis.of(context);
		assertThat(analysis.getCause()).isInstanceOf(InvalidActionException.class);
		assertThat(analysis.getDescription()).isEqualTo(description);
		assertThat(analysis.getAction()).isEqualTo(action);
	}

	static class BadName {

		@NeuroAction(name = "Place Mark!", description = "Place a mark.")
		void mark(int cell) {
		}

		static class OneMark {

			@NeuroAction(description = "Mark.")
			void mark() {
			}

		}

		static class OtherMark {

			@NeuroAction(description = "Mark again.")
			void mark() {
			}

		}

	}

	static class BlankDescription {

		@NeuroAction(description = " ")
		void go() {
		}

	}

	static class OptionalPrimitive {

		@NeuroAction(description = "Go.")
		void go(@NeuroParam(required = NeuroParam.Requirement.OPTIONAL) int times) {
		}

	}

	static class MapParameter {

		@NeuroAction(description = "Go.")
		void go(Map<String, Integer> scores) {
		}

	}

	record Node(String label, List<Node> children) {
	}

	static class RecursiveParameter {

		@NeuroAction(description = "Go.")
		void go(Node tree) {
		}

	}

	static class JdkProxied implements Runnable {

		@Override
		public void run() {
		}

		@NeuroAction(description = "Go.")
		public void go() {
		}

	}

}
