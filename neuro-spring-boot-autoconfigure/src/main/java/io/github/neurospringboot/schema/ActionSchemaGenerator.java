package io.github.neurospringboot.schema;

import java.lang.reflect.Type;
import java.util.List;

import com.github.victools.jsonschema.generator.SchemaGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Generates property schemas in the simple JSON-schema dialect Neuro understands, with victools.
 * <p>
 * What a type becomes: a primitive or its box {@code integer}, {@code number} or {@code boolean}, an integral one
 * ({@code byte}, {@code short}, {@code int}, {@code long}) with its range as {@code minimum} and {@code maximum}
 * unless constraints narrow it; {@code BigInteger} and {@code BigDecimal} {@code integer} and {@code number};
 * {@code String}, {@code char}, {@code UUID} and {@code java.time} values {@code string} (never with a
 * {@code format}); an enum {@code {"type":"string","enum":[...]}} with the values the application's mapper writes;
 * a {@code List}, any {@code Collection} or an array {@code {"type":"array","items":{...}}}, a {@code Set} with
 * {@code "uniqueItems": true}; a record, a Kotlin data class or a bean an inlined {@code object} with its properties in declaration
 * order, to any depth, and as often as it appears (never {@code $ref} or {@code $defs}). Jackson annotations rename
 * ({@code @JsonProperty}) and hide ({@code @JsonIgnore}) properties; Jakarta constraints become bounds, lengths,
 * patterns and item counts, except {@code @Email} whose {@code format} is left out. A property of a nested object is
 * required unless it is {@code Optional}, annotated with any {@code @Nullable}, or marked
 * {@code @JsonProperty(isRequired = OptBoolean.FALSE)}; primitives are always required. A property of a Kotlin
 * class is required unless its type is nullable or its constructor parameter has a default value.
 * <p>
 * Schemas stay minimal: no {@code $schema}, {@code additionalProperties}, {@code format}, {@code title} or
 * {@code description} ({@code @JsonPropertyDescription} and {@code @JsonClassDescription} are not used). What Neuro
 * cannot be told fails with an {@link UnsupportedSchemaException}: maps, {@code Object}, {@code JsonNode},
 * unbounded wildcards, raw types and unbound type variables (which all resolve to {@code Object}; a bounded one is
 * described by its bound, as Jackson reads it), recursive types, {@code Optional} inside a collection, nullable
 * types, polymorphic types, and any keyword of {@link NeuroSchemaDialect#UNSUPPORTED_KEYWORDS} that a
 * {@link SchemaGeneratorCustomizer} added.
 * <p>
 * Thread-safe: victools is not, so generation is serialised.
 */
public final class ActionSchemaGenerator {

	private final SchemaGenerator generator;

	private final UnsupportedTypeGuard guard = new UnsupportedTypeGuard();

	private final Object monitor = new Object();

	/**
	 * Create a generator.
	 * @param mapper the application's mapper, which decides property names, visibility and enum values
	 * @param customizers customizations of the victools configuration, applied in order after the starter's own
	 */
	public ActionSchemaGenerator(JsonMapper mapper, List<SchemaGeneratorCustomizer> customizers) {
		Assert.notNull(mapper, "JsonMapper must not be null");
		Assert.notNull(customizers, "Customizers must not be null");
		this.generator = SchemaGeneratorFactory.create(mapper, customizers, this.guard);
	}

	/**
	 * The schema of one value of this type, to be used as one property of an action's root object. An optional
	 * wrapper ({@code Optional<T>}, {@code OptionalInt}, ...) is described by the value it holds; whether the
	 * property may be absent is for {@link #isOptionalType(Type)} to say. Failures are told in the words of the
	 * language of the type's class.
	 * @param type the type of the value, such as a method parameter's generic type
	 * @return a new schema node that the caller may keep and modify
	 * @throws UnsupportedSchemaException if Neuro's dialect cannot express the type
	 */
	public ObjectNode propertySchema(Type type) {
		return propertySchema(type, SourceLanguage.of(type));
	}

	/**
	 * The schema of one value of this type, as {@link #propertySchema(Type)}, with failures told in the words of a
	 * given language (the one the action is written in, which may differ from the type's: a Kotlin function can
	 * take a {@code java.util.Map}).
	 * @param type the type of the value
	 * @param language whose words a failure is told in
	 * @return a new schema node that the caller may keep and modify
	 * @throws UnsupportedSchemaException if Neuro's dialect cannot express the type
	 */
	public ObjectNode propertySchema(Type type, SourceLanguage language) {
		return generate(type, OptionalTypes.valueType(type), language);
	}

	/**
	 * The schema of a record, data class or bean type as a root object:
	 * {@code {"type":"object","properties":{...},"required":[...]}}, with {@code required} left out when empty.
	 * Failures are told in the words of the language of the type's class.
	 * @param type the record, data class or bean type
	 * @return a new schema node that the caller may keep and modify
	 * @throws UnsupportedSchemaException if Neuro's dialect cannot express the type, or if it is not described as
	 * an object (Neuro requires {@code "type": "object"} at the root)
	 */
	public ObjectNode objectSchema(Type type) {
		return objectSchema(type, SourceLanguage.of(type));
	}

	/**
	 * The schema of a type as a root object, as {@link #objectSchema(Type)}, with failures told in the words of a
	 * given language.
	 * @param type the record, data class or bean type
	 * @param language whose words a failure is told in
	 * @return a new schema node that the caller may keep and modify
	 * @throws UnsupportedSchemaException if Neuro's dialect cannot express the type, or if it is not described as
	 * an object
	 */
	public ObjectNode objectSchema(Type type, SourceLanguage language) {
		ObjectNode schema = generate(type, type, language);
		if (!"object".equals(schema.path("type").asString(""))) {
			throw new UnsupportedSchemaException("Cannot use " + type.getTypeName() + " as the root of an action's"
					+ " parameters: Neuro requires an object there, and it is described as " + schema + "; use a "
					+ language.record() + " or a bean with properties, or wrap the value in one");
		}
		return schema;
	}

	/**
	 * Whether a value of this type may be absent: {@code Optional}, {@code OptionalInt}, {@code OptionalLong} and
	 * {@code OptionalDouble}, with or without type arguments.
	 * @param type the type to check
	 * @return whether the type is an optional wrapper
	 */
	public static boolean isOptionalType(Type type) {
		return OptionalTypes.isOptional(type);
	}

	private ObjectNode generate(Type type, Type targetType, SourceLanguage language) {
		ObjectNode schema;
		synchronized (this.monitor) {
			this.guard.speak(language);
			schema = this.generator.generateSchema(targetType);
		}
		// Merging a constraint into a type's range, victools keeps both bounds where one is exclusive
		NumericBounds.tighten(schema);
		GeneratedSchemaCheck.check(type, schema, language);
		return schema;
	}

}
