package io.github.neurospringboot.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Module;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import com.github.victools.jsonschema.generator.TypeScope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The victools module that holds Neuro's own rules: unsupported and recursive types are marked
 * ({@link UnsupportedTypeGuard}), scalars are described as Jackson writes them, a {@code Set} has unique items, an
 * {@code OptionalInt} (and its siblings) property is its primitive, an integral type advertises its range, and
 * {@code required} follows {@link RequiredPropertyCheck}.
 */
final class NeuroSchemaModule implements Module {

	private final UnsupportedTypeGuard guard;

	/**
	 * Create the module.
	 * @param guard marks what Neuro's dialect cannot express
	 */
	NeuroSchemaModule(UnsupportedTypeGuard guard) {
		this.guard = guard;
	}

	private static final String JAVA_TIME = "java.time";

	private static final Range BYTE = new Range(Byte.MIN_VALUE, Byte.MAX_VALUE);

	private static final Range SHORT = new Range(Short.MIN_VALUE, Short.MAX_VALUE);

	private static final Range INT = new Range(Integer.MIN_VALUE, Integer.MAX_VALUE);

	private static final Range LONG = new Range(Long.MIN_VALUE, Long.MAX_VALUE);

	/**
	 * The values each integral type holds. Advertised, so that the schema check rejects a value beyond them, in the
	 * words it uses for every bound, before Jackson fails to bind it (or, for a {@code byte}, binds 200 as -56).
	 */
	private static final Map<Class<?>, Range> INTEGRAL_RANGES = Map.of(byte.class, BYTE, Byte.class, BYTE,
			short.class, SHORT, Short.class, SHORT, int.class, INT, Integer.class, INT, long.class, LONG, Long.class,
			LONG);

	@Override
	public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
		builder.forTypesInGeneral()
			.withCustomDefinitionProvider(NeuroSchemaModule::scalar)
			.withCustomDefinitionProvider(this.guard)
			.withArrayUniqueItemsResolver((scope) -> scope.getType().isInstanceOf(Set.class) ? Boolean.TRUE : null)
			.withTypeAttributeOverride(NeuroSchemaModule::integralRange);
		builder.forFields()
			.withTargetTypeOverridesResolver(NeuroSchemaModule::primitiveOptionalValueType)
			.withCustomDefinitionProvider(NeuroSchemaModule::optionalItems)
			.withRequiredCheck(RequiredPropertyCheck::isRequired);
	}

	/**
	 * The range of an integral type, on its definition. victools merges a property's constraints into it, keeping
	 * the narrower {@code minimum} and {@code maximum}; {@link NumericBounds#tighten} settles the exclusive ones.
	 */
	private static void integralRange(ObjectNode definition, TypeScope scope, SchemaGenerationContext context) {
		Range range = INTEGRAL_RANGES.get(scope.getType().getErasedType());
		if (range != null) {
			NumericBounds.narrow(definition, "minimum", range.minimum());
			NumericBounds.narrow(definition, "maximum", range.maximum());
		}
	}

	/**
	 * Describe scalars as Jackson writes them where victools differs: it calls a {@code byte} a string, and only
	 * knows some {@code java.time} values (not {@code YearMonth}, {@code MonthDay} or {@code ZoneOffset}),
	 * describing the others as objects. The {@code java.time} enums ({@code DayOfWeek}, {@code Month}) have already
	 * been handled by the enum module.
	 */
	private static @Nullable CustomDefinition scalar(ResolvedType javaType, SchemaGenerationContext context) {
		Class<?> type = javaType.getErasedType();
		SchemaKeyword schemaType;
		if (type == byte.class || type == Byte.class) {
			schemaType = SchemaKeyword.TAG_TYPE_INTEGER;
		}
		else if (type.getPackageName().equals(JAVA_TIME)) {
			schemaType = SchemaKeyword.TAG_TYPE_STRING;
		}
		else {
			return null;
		}
		return new CustomDefinition(context.getGeneratorConfig()
			.createObjectNode()
			.put(context.getKeyword(SchemaKeyword.TAG_TYPE), context.getKeyword(schemaType)), true);
	}

	private static @Nullable List<ResolvedType> primitiveOptionalValueType(FieldScope field) {
		if (field.isFakeContainerItemScope()) {
			return null;
		}
		Class<?> primitive = OptionalTypes.primitiveValueType(field.getType().getErasedType());
		return (primitive != null) ? List.of(field.getContext().resolve(primitive)) : null;
	}

	/**
	 * victools' {@code FlattenedWrapperModule} unwraps an {@code Optional} even as the item of a collection
	 * property, which would silently turn {@code List<Optional<String>>} into a list of strings.
	 */
	private static @Nullable CustomPropertyDefinition optionalItems(FieldScope field,
			SchemaGenerationContext context) {
		ResolvedType declaredType = field.getDeclaredType();
		if (!field.isFakeContainerItemScope() || !context.getTypeContext().isContainerType(declaredType)) {
			return null;
		}
		ResolvedType itemType = context.getTypeContext().getContainerItemType(declaredType);
		if (!OptionalTypes.isOptional(itemType.getErasedType())) {
			return null;
		}
		String problem = UnsupportedTypeGuard
			.nestedOptional(context.getTypeContext().getFullTypeDescription(itemType));
		return new CustomPropertyDefinition(UnsupportedTypeGuard.marker(context, problem),
				CustomDefinition.EXCLUDING_ATTRIBUTES);
	}

	/**
	 * The values of an integral type, from {@code minimum} to {@code maximum}.
	 */
	private record Range(BigDecimal minimum, BigDecimal maximum) {

		Range(long minimum, long maximum) {
			this(BigDecimal.valueOf(minimum), BigDecimal.valueOf(maximum));
		}

	}

}
