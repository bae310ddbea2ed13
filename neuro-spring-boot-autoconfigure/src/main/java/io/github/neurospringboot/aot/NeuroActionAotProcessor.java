package io.github.neurospringboot.aot;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import io.github.neurospringboot.action.support.NeuroActionMethodProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * Finds the {@code @NeuroAction} methods of every bean when the application is processed ahead of time, with the
 * lookup {@link NeuroActionMethodProcessor} uses at startup, and contributes the {@link ActionMethodHints} of each.
 * The class looked at is the one each bean definition declares (the target class of a bean proxied later): declare
 * {@code @Bean} methods with the type that has the actions, not an interface or {@code Object}.
 */
final class NeuroActionAotProcessor implements BeanFactoryInitializationAotProcessor {

	private final ActionMethodHints hints = new ActionMethodHints();

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		List<Method> methods = Arrays.stream(beanFactory.getBeanDefinitionNames())
			.map((beanName) -> RegisteredBean.of(beanFactory, beanName).getBeanClass())
			.distinct()
			.flatMap((type) -> NeuroActionMethodProcessor.actionMethods(type).keySet().stream())
			.toList();
		if (methods.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> methods
			.forEach((method) -> this.hints.register(generationContext.getRuntimeHints().reflection(), method));
	}

}
