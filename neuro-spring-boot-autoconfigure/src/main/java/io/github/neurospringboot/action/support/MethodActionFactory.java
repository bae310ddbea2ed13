package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.action.InvalidActionException;
import io.github.neurospringboot.action.support.ActionSignature.PayloadParameter;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.schema.ActionSchemaGenerator;
import io.github.neurospringboot.schema.SourceLanguage;
import io.github.neurospringboot.schema.UnsupportedSchemaException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.handler.HandlerMethod;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.util.ClassUtils;

/**
 * Turns a {@code @NeuroAction} method into an {@link ExecutableAction}: its name, its description (with the
 * parameter descriptions appended, since Neuro does not read descriptions inside schemas), and its schema, built
 * from the {@link ActionSignature}. Every mistake fails here, at startup, with the method named and the fix.
 */
public final class MethodActionFactory {

	private final ActionSchemaGenerator schemas;

	private final JsonMapper mapper;

	private final HandlerMethodArgumentResolverComposite resolvers = new HandlerMethodArgumentResolverComposite();

	private final @Nullable ParameterConstraints constraints;

	private final @Nullable ParameterSchemaCustomizer parameterKeywords;

	/** Present with Jakarta Validation, whose constraints a user's parameters may then carry. */
	private final @Nullable ConstraintCoverage constraintCoverage;

	/**
	 * Create a factory.
	 * @param schemas generates parameter schemas
	 * @param mapper binds parameters
	 * @param constraints checks bound arguments beyond the schema, or {@code null}
	 * @param parameterKeywords adds what parameter annotations say to their schemas, or {@code null}
	 */
	public MethodActionFactory(ActionSchemaGenerator schemas, JsonMapper mapper,
			@Nullable ParameterConstraints constraints, @Nullable ParameterSchemaCustomizer parameterKeywords) {
		this.schemas = schemas;
		this.mapper = mapper;
		this.constraints = constraints;
		this.parameterKeywords = parameterKeywords;
		this.constraintCoverage = ClassUtils.isPresent("jakarta.validation.Constraint",
				MethodActionFactory.class.getClassLoader()) ? new ConstraintCoverage(constraints != null) : null;
		this.resolvers.addResolver(new ActionContextArgumentResolver());
		this.resolvers.addResolver(new ContinuationArgumentResolver());
		this.resolvers.addResolver(new ActionParameterArgumentResolver(mapper));
	}

	/**
	 * Create the action of a method.
	 * @param beanName the bean the method belongs to
	 * @param beanFactory where the bean is resolved on the first call
	 * @param method the method, invocable on the bean (on its proxy, if any)
	 * @param annotation the method's annotation
	 * @return the action
	 * @throws InvalidActionException if Neuro could not use the action as declared
	 */
	public ExecutableAction create(String beanName, BeanFactory beanFactory, Method method, NeuroAction annotation) {
		String where = ActionSignature.where(method);
		String name = annotation.name().isEmpty() ? snakeCase(method.getName()) : annotation.name();
		if (!ActionDefinition.isValidName(name)) {
			throw new InvalidActionException("@NeuroAction on " + where + " is named '" + name + "', which Neuro "
					+ "cannot use: action names use only lower-case letters, digits, '_' and '-'.",
					"Rename it, for example @NeuroAction(name = \"" + suggestedName(name) + "\").");
		}
		if (annotation.description().isBlank()) {
			throw new InvalidActionException("@NeuroAction on " + where + " has no description. Neuro reads it to "
					+ "decide when and how to use '" + name + "'.",
					"Say what the action does, with @NeuroAction(description = \"...\").");
		}
		ActionSignature signature = ActionSignature.of(method);
		KotlinRequirements.check(signature, classLoader(beanFactory), this.mapper);
		if (this.constraintCoverage != null) {
			this.constraintCoverage.check(signature);
		}
		ObjectNode schema;
		try {
			schema = schema(signature);
		}
		catch (UnsupportedSchemaException ex) {
			throw new InvalidActionException(where + " cannot be described to Neuro: " + ex.getMessage() + ".",
					"Change the parameter types of " + where + " as described above.", ex);
		}
		ActionDefinition definition = new ActionDefinition(name, description(annotation.description(), signature),
				schema);
		return new MethodAction(definition, new HandlerMethod(beanName, beanFactory, method), this.resolvers,
				argumentChecks(method), annotation.blocking());
	}

	/** The checks beyond the schema, unless they could find nothing the schema check does not. */
	private @Nullable ParameterConstraints argumentChecks(Method method) {
		boolean schemaSaysAll = this.parameterKeywords != null && this.constraints != null
				&& this.constraints.addsNothingToSchema(method);
		return schemaSaysAll ? null : this.constraints;
	}

	private static ClassLoader classLoader(BeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
		return (classLoader != null) ? classLoader : MethodActionFactory.class.getClassLoader();
	}

	private @Nullable ObjectNode schema(ActionSignature signature) {
		if (signature.payload().isEmpty()) {
			return null;
		}
		SourceLanguage language = SourceLanguage.of(signature.method().getDeclaringClass());
		if (signature.wholePayload()) {
			return this.schemas.objectSchema(signature.payload().get(0).type(), language);
		}
		ObjectNode root = this.mapper.createObjectNode();
		root.put("type", "object");
		ObjectNode properties = root.putObject("properties");
		ArrayNode required = this.mapper.createArrayNode();
		for (PayloadParameter parameter : signature.payload()) {
			ObjectNode property = this.schemas.propertySchema(unwrapOptional(parameter.type()), language);
			if (this.parameterKeywords != null) {
				this.parameterKeywords.customize(signature.method().getParameters()[parameter.index()], property);
			}
			properties.set(parameter.name(), property);
			if (parameter.required()) {
				required.add(parameter.name());
			}
		}
		if (!required.isEmpty()) {
			root.set("required", required);
		}
		return root;
	}

	private static Type unwrapOptional(Type type) {
		ResolvableType resolved = ResolvableType.forType(type);
		return (resolved.getRawClass() == Optional.class) ? resolved.getGeneric(0).getType() : type;
	}

	private static String description(String description, ActionSignature signature) {
		List<PayloadParameter> described = signature.payload()
			.stream()
			.filter((parameter) -> !parameter.description().isBlank())
			.toList();
		if (described.isEmpty()) {
			return description;
		}
		return description + "\nParameters:\n" + described.stream()
			.map((parameter) -> "- " + parameter.name() + ": " + parameter.description())
			.collect(Collectors.joining("\n"));
	}

	private static String suggestedName(String name) {
		return snakeCase(name.replaceAll("[^A-Za-z0-9_-]+", "_")).replaceAll("^_+|_+$", "");
	}

	/**
	 * The snake_case form of a Java name: {@code placeMark} is {@code place_mark}, {@code readHTTPStatus} is
	 * {@code read_http_status}.
	 * @param name a Java name
	 * @return the snake_case name
	 */
	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
			.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
			.toLowerCase(java.util.Locale.ROOT);
	}

}
