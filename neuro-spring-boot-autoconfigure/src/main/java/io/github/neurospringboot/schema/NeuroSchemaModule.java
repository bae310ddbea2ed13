package io.github.neurospringboot.schema;

import java.util.List;
import java.util.Set;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Module;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import org.jspecify.annotations.Nullable;

/**
 * The victools module that holds Neuro's own rules: unsupported and recursive types are marked
 * ({@link UnsupportedTypeGuard}), scalars are described as Jackson writes them, a {@code Set} has unique items, an
 * {@code OptionalInt} (and its siblings) property is its primitive, and {@code required} follows
 * {@link RequiredPropertyCheck}.
 */
final class NeuroSchemaModule implements Module {

	private static final String JAVA_TIME = "java.time";

	@Override
	public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
		builder.forTypesInGeneral()
			.withCustomDefinitionProvider(NeuroSchemaModule::scalar)
			.withCustomDefinitionProvider(new UnsupportedTypeGuard())
			.withArrayUniqueItemsResolver((scope) -> scope.getType().isInstanceOf(Set.class) ? Boolean.TRUE : null);
		builder.forFields()
			.withTargetTypeOverridesResolver(NeuroSchemaModule::primitiveOptionalValueType)
			.withCustomDefinitionProvider(NeuroSchemaModule::optionalItems)
			.withRequiredCheck(RequiredPropertyCheck::isRequired);
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

}
