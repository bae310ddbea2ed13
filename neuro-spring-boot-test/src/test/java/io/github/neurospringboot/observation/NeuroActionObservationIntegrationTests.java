package io.github.neurospringboot.observation;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.neurospringboot.action.ActionResultConverter;
import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each action Neuro calls, made an observation: seen through a {@link TestObservationRegistry}, and through a real
 * tracer (Micrometer's OpenTelemetry bridge, spans exported in memory) while the embedded Neuro plays.
 */
class NeuroActionObservationIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final AttributeKey<String> ACTION_NAME = AttributeKey.stringKey("neuro.action.name");

	private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("neuro.action.outcome");

	private static final AttributeKey<String> ACTION_ID = AttributeKey.stringKey("neuro.action.id");

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(ActionResultConverter.class);

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = TestGames.diagnosedNeuro();

	private ApplicationContextRunner runner() {
		return TestGames.connectedTo(this.neuro.get())
			.withConfiguration(AutoConfigurations.of(NeuroObservationAutoConfiguration.class))
			.withUserConfiguration(Game.class);
	}

	@Test
	void eachActionIsAnObservationWithItsOutcomeCurrentWhileTheMethodRuns() {
		runner().withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			EmbeddedNeuro neuro = registered();
			ActionOutcome placed = neuro.execute("place_mark", "{\"cell\":4}").assertSuccess();
			ActionOutcome invalid = neuro.execute("place_mark", "{\"cell\":9}").assertFailure("at most 8");
			ActionOutcome resigned = neuro.execute("resign", null).assertSuccess();
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			// Each observation stops once its result is sent, which is when it gets its outcome.
			await().atMost(WAIT).untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("neuro.action", 3)
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("neuro.action place_mark")
					.hasLowCardinalityKeyValue("neuro.action.name", "place_mark")
					.hasLowCardinalityKeyValue("neuro.action.outcome", "success")
					.hasHighCardinalityKeyValue("neuro.action.id", placed.id()))
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("neuro.action place_mark")
					.hasLowCardinalityKeyValue("neuro.action.outcome", "failure")
					.hasHighCardinalityKeyValue("neuro.action.id", invalid.id()))
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("neuro.action resign")
					.hasLowCardinalityKeyValue("neuro.action.name", "resign")
					.hasLowCardinalityKeyValue("neuro.action.outcome", "failure_without_retry")
					.hasHighCardinalityKeyValue("neuro.action.id", resigned.id())));
			// The method ran (only the valid call reached it), with its own call's observation current.
			assertThat(context.getBean(Game.class).currentObservations).singleElement()
				.satisfies((current) -> assertThat(((NeuroActionObservationContext) current.getContext()).getCall()
					.id()).isEqualTo(placed.id()));
		});
	}

	@Test
	void anExceptionTheMethodThrewIsTheObservationsErrorAndAnOutcomeMeantForNeuroIsNot() {
		runner().withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			EmbeddedNeuro neuro = registered();
			neuro.execute("shake", null).assertFailure("ran into an error");
			neuro.execute("resign", null).assertSuccess();
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			await().atMost(WAIT).untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("neuro.action", 2)
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("neuro.action shake")
					.hasLowCardinalityKeyValue("neuro.action.outcome", "failure")
					.assertThatError()
					.isInstanceOf(IllegalStateException.class)
					.hasMessage("The table broke"))
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("neuro.action resign")
					.doesNotHaveError()));
			assertThat(logs.text()).contains("Action 'shake' (id ", ") failed");
		});
	}

	@Test
	void theApplicationsConventionNamesTheObservations() {
		runner().withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(NeuroActionObservationConvention.class, TurnConvention::new)
			.run((context) -> {
				ActionOutcome placed = registered().execute("place_mark", "{\"cell\":4}").assertSuccess();
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				await().atMost(WAIT)
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasSingleObservationThat()
						.hasNameEqualTo("tic.tac.toe.turn")
						.hasContextualNameEqualTo("neuro.action place_mark")
						.hasHighCardinalityKeyValue("neuro.action.id", placed.id())
						.hasBeenStopped());
			});
	}

	@Test
	void eachActionIsOneSpanAndTheSpanTheMethodOpensIsItsChild() {
		runner().withUserConfiguration(Tracing.class, TracedObservations.class).run((context) -> {
			EmbeddedNeuro neuro = registered();
			ActionOutcome placed = neuro.execute("place_mark", "{\"cell\":4}").assertSuccess();
			ActionOutcome invalid = neuro.execute("place_mark", "{\"cell\":9}").assertFailure("at most 8");
			InMemorySpanExporter exporter = context.getBean(InMemorySpanExporter.class);
			await().atMost(WAIT).untilAsserted(() -> assertThat(exporter.getFinishedSpanItems()).hasSize(3));
			List<SpanData> spans = exporter.getFinishedSpanItems();
			SpanData placing = span(spans, placed.id());
			assertThat(placing.getName()).isEqualTo("neuro.action place_mark");
			assertThat(placing.getAttributes().get(ACTION_NAME)).isEqualTo("place_mark");
			assertThat(placing.getAttributes().get(OUTCOME)).isEqualTo("success");
			assertThat(placing.getParentSpanContext().isValid()).isFalse();
			SpanData rejected = span(spans, invalid.id());
			assertThat(rejected.getName()).isEqualTo("neuro.action place_mark");
			assertThat(rejected.getAttributes().get(OUTCOME)).isEqualTo("failure");
			assertThat(rejected.getTraceId()).isNotEqualTo(placing.getTraceId());
			SpanData marking = spans.stream()
				.filter((span) -> span.getName().equals("mark cell"))
				.findFirst()
				.orElseThrow();
			assertThat(marking.getTraceId()).isEqualTo(placing.getTraceId());
			assertThat(marking.getParentSpanId()).isEqualTo(placing.getSpanId());
			// What logs carry: the trace current on the method's thread is the action's.
			assertThat(context.getBean(Game.class).currentTraceIds).containsExactly(placing.getTraceId());
		});
	}

	@Test
	void withTracingButNoObservationRegistryTheGameSpanIsAloneAndActionsAreAnswered() {
		runner().withUserConfiguration(Tracing.class).run((context) -> {
			assertThat(context).doesNotHaveBean(NeuroActionObservations.class);
			registered().execute("place_mark", "{\"cell\":4}").assertSuccess();
			assertOnlyTheGameSpanAsARoot(context.getBean(InMemorySpanExporter.class));
		});
	}

	@Test
	void withTheNoopObservationRegistryTheGameSpanIsAloneAndActionsAreAnswered() {
		runner().withUserConfiguration(Tracing.class)
			.withBean(ObservationRegistry.class, () -> ObservationRegistry.NOOP)
			.run((context) -> {
				registered().execute("place_mark", "{\"cell\":4}").assertSuccess();
				assertOnlyTheGameSpanAsARoot(context.getBean(InMemorySpanExporter.class));
			});
	}

	private static void assertOnlyTheGameSpanAsARoot(InMemorySpanExporter exporter) {
		// The game's span ends before its method returns, so before the result is sent.
		assertThat(exporter.getFinishedSpanItems()).singleElement().satisfies((span) -> {
			assertThat(span.getName()).isEqualTo("mark cell");
			assertThat(span.getParentSpanContext().isValid()).isFalse();
		});
	}

	private EmbeddedNeuro registered() {
		EmbeddedNeuro neuro = this.neuro.get();
		neuro.awaitActionRegistered("place_mark", WAIT);
		neuro.awaitActionRegistered("resign", WAIT);
		return neuro;
	}

	private static SpanData span(List<SpanData> spans, String actionId) {
		List<SpanData> found = spans.stream()
			.filter((span) -> actionId.equals(span.getAttributes().get(ACTION_ID)))
			.toList();
		assertThat(found).as("spans of action %s", actionId).hasSize(1);
		return found.get(0);
	}

	/** A game that notes what is current while its method runs, and opens a span when there is a tracer. */
	static class Game {

		final Queue<Observation> currentObservations = new ConcurrentLinkedQueue<>();

		final Queue<String> currentTraceIds = new ConcurrentLinkedQueue<>();

		private final ObjectProvider<ObservationRegistry> observations;

		private final ObjectProvider<Tracer> tracer;

		Game(ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracer) {
			this.observations = observations;
			this.tracer = tracer;
		}

		@NeuroAction(description = "Place your mark on an empty cell.")
		String placeMark(@Min(0) @Max(8) int cell) {
			ObservationRegistry registry = this.observations.getIfAvailable();
			Observation current = (registry != null) ? registry.getCurrentObservation() : null;
			if (current != null) {
				this.currentObservations.add(current);
			}
			Tracer tracer = this.tracer.getIfAvailable();
			if (tracer != null) {
				Span parent = tracer.currentSpan();
				if (parent != null) {
					this.currentTraceIds.add(parent.context().traceId());
				}
				Span span = tracer.nextSpan().name("mark cell").start();
				try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
					span.tag("cell", cell);
				}
				finally {
					span.end();
				}
			}
			return "Placed at " + cell + ".";
		}

		@NeuroAction(description = "Give up this game.")
		void resign() {
			throw new NeuroActionException("You cannot resign while winning.", false);
		}

		@NeuroAction(description = "Shake the table.")
		void shake() {
			throw new IllegalStateException("The table broke");
		}

	}

	/** A real tracer: OpenTelemetry's SDK behind Micrometer's bridge, every span sampled and kept in memory. */
	@Configuration(proxyBeanMethods = false)
	static class Tracing {

		@Bean
		InMemorySpanExporter spanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		SdkTracerProvider tracerProvider(InMemorySpanExporter exporter) {
			return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
		}

		@Bean
		Tracer tracer(SdkTracerProvider provider) {
			return new OtelTracer(provider.get("test-game"), new OtelCurrentTraceContext(), (event) -> {
			});
		}

	}

	/** Observations made spans by the tracer, as Spring Boot's tracing support sets them up. */
	@Configuration(proxyBeanMethods = false)
	static class TracedObservations {

		@Bean
		ObservationRegistry observationRegistry(Tracer tracer) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
			return registry;
		}

	}

	static class TurnConvention extends DefaultNeuroActionObservationConvention {

		@Override
		public String getName() {
			return "tic.tac.toe.turn";
		}

	}

}
