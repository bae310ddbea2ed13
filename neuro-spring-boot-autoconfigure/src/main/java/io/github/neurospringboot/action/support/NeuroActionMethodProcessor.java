package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.action.InvalidActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.registration.Registrations;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds every {@link NeuroAction} method once all singletons exist, proxied beans included (the annotation is
 * looked up on the target class, the method invoked through the proxy), turns each into an action, and registers
 * those marked {@link NeuroAction#registerAtStartup()} before the application connects. Fails startup on the first
 * action Neuro could not use, or on two actions with one name.
 */
public final class NeuroActionMethodProcessor implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final MethodActionFactory factory;

	private final ActionRegistry registry;

	private final Registrations registrations;

	private final Set<Class<?>> classesWithoutActions = Collections.newSetFromMap(new ConcurrentHashMap<>());

	/**
	 * Create a processor.
	 * @param beanFactory where the beans are
	 * @param factory turns methods into actions
	 * @param registry receives every action
	 * @param registrations receives the actions registered at startup
	 */
	public NeuroActionMethodProcessor(ConfigurableListableBeanFactory beanFactory, MethodActionFactory factory,
			ActionRegistry registry, Registrations registrations) {
		this.beanFactory = beanFactory;
		this.factory = factory;
		this.registry = registry;
		this.registrations = registrations;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, ExecutableAction> found = new LinkedHashMap<>();
		List<ActionDefinition> atStartup = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = targetClass(beanName);
			if (type == null || this.classesWithoutActions.contains(type)) {
				continue;
			}
			Map<Method, NeuroAction> methods = actionMethods(type);
			if (methods.isEmpty()) {
				this.classesWithoutActions.add(type);
				continue;
			}
			methods.forEach((method, annotation) -> {
				ExecutableAction action = this.factory.create(beanName, this.beanFactory,
						invocableMethod(method, beanName), annotation);
				ExecutableAction other = found.putIfAbsent(action.definition().name(), action);
				if (other != null) {
					throw new InvalidActionException("Two actions are named '" + action.definition().name() + "': "
							+ other + " and " + action + ". Action names must be unique in a game.",
							"Rename one with @NeuroAction(name = \"...\").");
				}
				if (annotation.registerAtStartup()) {
					atStartup.add(action.definition());
				}
			});
		}
		found.values().forEach(this.registry::add);
		this.registrations.acquire(Registrations.APPLICATION, atStartup);
	}

	/**
	 * The {@link NeuroAction} methods of a class, with their annotations, sorted by name: reflection returns methods
	 * in no particular order, and the order of registration should not vary. The same lookup finds them at runtime
	 * and, for the hints of ahead-of-time processing, at build time.
	 * @param type the class of a bean (its target class, if it is proxied)
	 * @return the annotated methods, declared or inherited, with their merged annotations; empty if there are none
	 */
	public static Map<Method, NeuroAction> actionMethods(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, NeuroAction.class)) {
			return Map.of();
		}
		Map<Method, NeuroAction> methods = new TreeMap<>(Comparator.comparing(Method::getName)
			.thenComparing(Method::toGenericString));
		methods.putAll(MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<NeuroAction>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, NeuroAction.class)));
		return methods;
	}

	private @Nullable Class<?> targetClass(String beanName) {
		try {
			return AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
		}
		catch (RuntimeException ex) {
			// An unresolvable bean type (a lazy bean, for example) has no actions we could find anyway.
			return null;
		}
	}

	private Method invocableMethod(Method method, String beanName) {
		try {
			return AopUtils.selectInvocableMethod(method, this.beanFactory.getType(beanName));
		}
		catch (IllegalStateException ex) {
			throw new InvalidActionException("@NeuroAction on " + ActionSignature.where(method) + " cannot be called "
					+ "through the bean's JDK proxy, which only exposes its interfaces.", "Declare the method on an "
							+ "interface the bean implements, or proxy the class (proxyTargetClass = true).", ex);
		}
	}

}
