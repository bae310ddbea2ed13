package io.github.neurospringboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionErrorHandler;
import io.github.neurospringboot.action.ActionInvoker;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResultConverter;
import io.github.neurospringboot.action.support.BeanValidationParameterConstraints;
import io.github.neurospringboot.action.support.BeanValidationParameterKeywords;
import io.github.neurospringboot.action.support.LambdaActionFactory;
import io.github.neurospringboot.action.support.MethodActionFactory;
import io.github.neurospringboot.action.support.NeuroActionMethodProcessor;
import io.github.neurospringboot.action.support.ParameterConstraints;
import io.github.neurospringboot.action.support.ParameterSchemaCustomizer;
import io.github.neurospringboot.client.CurrentConnection;
import io.github.neurospringboot.client.Forces;
import io.github.neurospringboot.registration.Registrations;
import io.github.neurospringboot.schema.ActionSchemaGenerator;
import io.github.neurospringboot.schema.SchemaGeneratorCustomizer;
import io.github.neurospringboot.window.ActionWindows;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The action side of the auto-configuration: schemas, detection of {@code @NeuroAction} methods, and the
 * dispatcher that answers Neuro's calls.
 */
@Configuration(proxyBeanMethods = false)
class NeuroActionsConfiguration {

	/** Neuro waits a little over 20 seconds for a result; a longer deadline would never be seen. */
	private static final Duration LONGEST_RESULT_TIMEOUT = Duration.ofSeconds(20);

	/** The name Spring Boot gives the application's task executor. */
	private static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	@Bean
	ActionSchemaGenerator neuroActionSchemaGenerator(ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SchemaGeneratorCustomizer> customizers) {
		return new ActionSchemaGenerator(NeuroAutoConfiguration.jsonMapper(jsonMapper), customizers.orderedStream().toList());
	}

	@Bean
	ActionRegistry neuroActionRegistry() {
		return new ActionRegistry();
	}

	@Bean
	MethodActionFactory neuroMethodActionFactory(ActionSchemaGenerator schemas, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ParameterConstraints> constraints, ObjectProvider<ParameterSchemaCustomizer> keywords) {
		return new MethodActionFactory(schemas, NeuroAutoConfiguration.jsonMapper(jsonMapper),
				constraints.getIfAvailable(), keywords.getIfAvailable());
	}

	@Bean
	NeuroActionMethodProcessor neuroActionMethodProcessor(ConfigurableListableBeanFactory beanFactory,
			MethodActionFactory factory, ActionRegistry registry, Registrations registrations) {
		return new NeuroActionMethodProcessor(beanFactory, factory, registry, registrations);
	}

	@Bean
	ActionResultConverter neuroActionResultConverter(ObjectProvider<JsonMapper> jsonMapper, NeuroProperties properties,
			ObjectProvider<ActionErrorHandler> errorHandlers) {
		return new ActionResultConverter(NeuroAutoConfiguration.jsonMapper(jsonMapper),
				properties.actions().exposeExceptionMessages(), properties.actions().retryOnError(),
				errorHandlers.orderedStream().toList());
	}

	@Bean
	LambdaActionFactory neuroLambdaActionFactory(ActionSchemaGenerator schemas, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ParameterConstraints> constraints) {
		return new LambdaActionFactory(schemas, NeuroAutoConfiguration.jsonMapper(jsonMapper),
				constraints.getIfAvailable());
	}

	@Bean
	ActionWindows neuroActionWindows(ActionRegistry registry, Registrations registrations, Forces forces,
			LambdaActionFactory lambdas, CurrentConnection current) {
		return new ActionWindows(registry, registrations, forces, lambdas, current);
	}

	@Bean
	ActionDispatcher neuroActionDispatcher(ActionRegistry registry, Registrations registrations,
			ActionResultConverter converter, ObjectProvider<JsonMapper> jsonMapper, NeuroProperties properties,
			ActionExecutor actionExecutor, ObjectProvider<ActionObserver> observers, Environment environment) {
		Duration timeout = properties.actions().resultTimeout();
		boolean positive = !timeout.isNegative() && !timeout.isZero();
		if (!positive || timeout.compareTo(LONGEST_RESULT_TIMEOUT) > 0) {
			throw InvalidNeuroPropertyException.invalidValue(environment, "neuro.actions.result-timeout", timeout,
					(positive) ? "Neuro waits only a little over 20 seconds for a result, frozen, then takes the action "
							+ "as failed and does not retry its force" : "it must be positive",
					"Set neuro.actions.result-timeout to a positive duration of at most 20s; for longer work, answer "
							+ "at once and report the outcome with a context message.");
		}
		ActionInvoker invoker = new ActionInvoker(converter, NeuroAutoConfiguration.jsonMapper(jsonMapper));
		return new ActionDispatcher(registry, registrations, invoker, actionExecutor.executor(), timeout,
				observers.orderedStream().toList());
	}

	@Bean
	ActionExecutor neuroActionExecutor(BeanFactory beanFactory) {
		Executor application = beanFactory.containsBean(APPLICATION_TASK_EXECUTOR)
				? beanFactory.getBean(APPLICATION_TASK_EXECUTOR, Executor.class) : null;
		return new ActionExecutor(application);
	}

	/**
	 * Where actions run: the application's task executor (configured with {@code spring.task.execution.*}) when there
	 * is one, else threads of our own. Deliberately not an {@link Executor} bean, which would make Spring Boot back
	 * off from defining the application's.
	 */
	static final class ActionExecutor implements DisposableBean {

		private final Executor executor;

		private final @Nullable SimpleAsyncTaskExecutor own;

		ActionExecutor(@Nullable Executor application) {
			this.own = (application != null) ? null : new SimpleAsyncTaskExecutor("neuro-action-");
			this.executor = (application != null) ? application : this.own;
		}

		Executor executor() {
			return this.executor;
		}

		@Override
		public void destroy() {
			if (this.own != null) {
				this.own.close();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Validator.class)
	static class BeanValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ParameterSchemaCustomizer neuroParameterKeywords() {
			return new BeanValidationParameterKeywords();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(Validator.class)
		ParameterConstraints neuroParameterConstraints(Validator validator) {
			return new BeanValidationParameterConstraints(validator);
		}

	}

}
