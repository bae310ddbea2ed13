package io.github.neurospringboot.kotlin

import io.github.neurospringboot.action.InvalidActionException
import io.github.neurospringboot.annotation.NeuroAction
import io.github.neurospringboot.annotation.NeuroParam
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration
import io.github.neurospringboot.testlogging.ExpectedLogs
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.springframework.boot.autoconfigure.AutoConfigurations
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration
import org.springframework.boot.test.context.FilteredClassLoader
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import org.springframework.context.annotation.AnnotationConfigApplicationContext

/** A Kotlin declaration Neuro could not use fails at startup, in Kotlin's words. */
class KotlinStartupFailureTests {

	companion object {

		@JvmField
		@RegisterExtension
		val logs: ExpectedLogs = ExpectedLogs.from(AnnotationConfigApplicationContext::class.java)

	}

	private val runner = ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration::class.java, NeuroAutoConfiguration::class.java))
		.withPropertyValues("neuro.game=Kotlin Chess", "neuro.auto-startup=false")

	@Test
	fun anOptionalNonNullParameterWithoutADefaultValue() {
		assertStartupFails(runner.withBean(OptionalNonNull::class.java),
			"OptionalNonNull.go(Int, String?) marks its parameter 'times' optional, but a non-null Int without a " +
				"default value cannot be absent.",
			"Declare it as Int? or give it a default value instead.")
	}

	@Test
	fun aMapParameterIsExplainedWithDataClasses() {
		assertStartupFails(runner.withBean(MapParameter::class.java),
			"MapParameter.go(Map) cannot be described to Neuro: Cannot express java.util.Map<java.lang.String, " +
				"java.lang.Integer> in Neuro's action schema: java.util.Map<java.lang.String, java.lang.Integer> is " +
				"a map, and Neuro cannot be told the keys of a map: use a data class or a List of data classes " +
				"instead.",
			"Change the parameter types of MapParameter.go(Map) as described above.")
	}

	@Test
	fun aKotlinClassParameterWithoutJacksonsKotlinModule() {
		assertStartupFails(runner.withBean(ChessGame::class.java)
			.withPropertyValues("spring.jackson.find-and-add-modules=false"),
			"ChessGame.move(Move) takes Move, a Kotlin class, and the application's JsonMapper has no Kotlin module " +
				"to create it as Kotlin declares it (its default values and nullable types).",
			"Add tools.jackson.module:jackson-module-kotlin: Spring Boot registers it with the JsonMapper.")
	}

	@Test
	fun aSuspendFunctionWithoutTheReactorBridgeOfCoroutines() {
		assertStartupFails(runner.withBean(Pondering::class.java)
			.withClassLoader(FilteredClassLoader("kotlinx.coroutines.reactor")),
			"Pondering.ponder() is a suspend function, which Spring calls through the Reactor bridge of Kotlin " +
				"coroutines, and kotlinx-coroutines-reactor is not on the classpath.",
			"Add org.jetbrains.kotlinx:kotlinx-coroutines-reactor (beside kotlinx-coroutines-core), as for any " +
				"suspend function Spring calls, or make it a plain function.")
	}

	@Test
	fun aKotlinActionWithoutKotlinReflection() {
		assertStartupFails(runner.withBean(Pondering::class.java)
			.withClassLoader(FilteredClassLoader("kotlin.reflect.full")),
			"Pondering.ponder() is written in Kotlin, whose nullable types and default values are read through " +
				"Kotlin reflection, and kotlin-reflect is not on the classpath.",
			"Add org.jetbrains.kotlin:kotlin-reflect, which Spring's Kotlin support needs too.")
	}

	private fun assertStartupFails(runner: ApplicationContextRunner, description: String, action: String) {
		runner.run { context ->
			assertThat(context).hasFailed()
			var failure: Throwable? = context.startupFailure
			while (failure != null && failure !is InvalidActionException) {
				failure = failure.cause
			}
			assertThat(failure).`as`("the InvalidActionException in %s", context.startupFailure)
				.isInstanceOf(InvalidActionException::class.java)
			val invalid = failure as InvalidActionException
			assertThat(invalid.description).isEqualTo(description)
			assertThat(invalid.action).isEqualTo(action)
		}
	}

	class OptionalNonNull {

		@NeuroAction(description = "Go.")
		fun go(@NeuroParam(required = NeuroParam.Requirement.OPTIONAL) times: Int, note: String?) {
		}

	}

	class MapParameter {

		@NeuroAction(description = "Go.")
		fun go(scores: Map<String, Int>) {
		}

	}

	class Pondering {

		@NeuroAction(description = "Think.")
		suspend fun ponder() {
		}

	}

}
