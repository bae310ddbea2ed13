package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Optional;

import io.github.neurospringboot.action.InvalidActionException;
import io.github.neurospringboot.action.support.ActionSignature.PayloadParameter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.KotlinDetector;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * What an action written in Kotlin needs on the classpath, checked at startup rather than discovered by Neuro:
 * Kotlin reflection (its nullable types and default values are read through it), Jackson's Kotlin module (to create
 * Kotlin classes from her parameters as Kotlin declares them) and, for a suspend function, the Reactor bridge of
 * Kotlin coroutines, through which Spring calls suspend functions.
 */
final class KotlinRequirements {

	private static final String KOTLIN_REFLECT = "kotlin.reflect.full.KClasses";

	private static final String COROUTINES_REACTOR = "kotlinx.coroutines.reactor.MonoKt";

	private static final String JACKSON_KOTLIN_MODULE = "tools.jackson.module.kotlin.KotlinModule";

	private KotlinRequirements() {
	}

	/**
	 * Check an action method's requirements; a method not written in Kotlin has none.
	 * @param signature the action's signature
	 * @param classLoader where the application's classes are
	 * @param mapper the mapper that binds the parameters
	 * @throws InvalidActionException naming what is missing and how to add it
	 */
	static void check(ActionSignature signature, ClassLoader classLoader, JsonMapper mapper) {
		Method method = signature.method();
		if (!KotlinDetector.isKotlinType(method.getDeclaringClass())) {
			return;
		}
		String where = ActionSignature.where(method);
		if (!ClassUtils.isPresent(KOTLIN_REFLECT, classLoader)) {
			throw new InvalidActionException(where + " is written in Kotlin, whose nullable types and default values "
					+ "are read through Kotlin reflection, and kotlin-reflect is not on the classpath.",
					"Add org.jetbrains.kotlin:kotlin-reflect, which Spring's Kotlin support needs too.");
		}
		if (KotlinDetector.isSuspendingFunction(method) && !ClassUtils.isPresent(COROUTINES_REACTOR, classLoader)) {
			throw new InvalidActionException(where + " is a suspend function, which Spring calls through the Reactor "
					+ "bridge of Kotlin coroutines, and kotlinx-coroutines-reactor is not on the classpath.",
					"Add org.jetbrains.kotlinx:kotlinx-coroutines-reactor (beside kotlinx-coroutines-core), as for "
							+ "any suspend function Spring calls, or make it a plain function.");
		}
		Optional<Class<?>> kotlinClass = signature.payload()
			.stream()
			.map(PayloadParameter::type)
			.flatMap((type) -> kotlinClass(ResolvableType.forType(type)).stream())
			.findFirst();
		if (kotlinClass.isPresent() && !hasKotlinModule(mapper, classLoader)) {
			throw new InvalidActionException(where + " takes " + kotlinClass.get().getSimpleName() + ", a Kotlin "
					+ "class, and the application's JsonMapper has no Kotlin module to create it as Kotlin declares it "
					+ "(its default values and nullable types).", "Add tools.jackson.module:jackson-module-kotlin: "
							+ "Spring Boot registers it with the JsonMapper.");
		}
	}

	/** A Kotlin class other than an enum (which Jackson creates without help), or one among the type arguments. */
	private static Optional<Class<?>> kotlinClass(ResolvableType type) {
		Class<?> raw = type.resolve();
		if (raw != null && KotlinDetector.isKotlinType(raw) && !raw.isEnum()) {
			return Optional.of(raw);
		}
		for (ResolvableType argument : type.getGenerics()) {
			Optional<Class<?>> found = kotlinClass(argument);
			if (found.isPresent()) {
				return found;
			}
		}
		return (type.isArray()) ? kotlinClass(type.getComponentType()) : Optional.empty();
	}

	private static boolean hasKotlinModule(JsonMapper mapper, ClassLoader classLoader) {
		if (!ClassUtils.isPresent(JACKSON_KOTLIN_MODULE, classLoader)) {
			return false;
		}
		Class<?> module = ClassUtils.resolveClassName(JACKSON_KOTLIN_MODULE, classLoader);
		return mapper.registeredModules().stream().anyMatch(module::isInstance);
	}

}
