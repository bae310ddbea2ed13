package io.github.neurospringboot.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.SerializationConfig;

/**
 * The victools Jackson module ({@code RESPECT_JSONPROPERTY_REQUIRED}), minus what Neuro cannot use. It still honours
 * renames, {@code @JsonIgnore}, naming strategies (the mapper's own too) and required markers, but contributes none
 * of the unsupported keywords {@code description} ({@code @JsonPropertyDescription},
 * {@code @JsonClassDescription}), {@code readOnly} and {@code writeOnly}. Suppressing them here rather than deleting
 * them from the output is what lets the final check reject the same keywords when a
 * {@link SchemaGeneratorCustomizer} adds them.
 * <p>
 * Read-only properties ({@code @JsonProperty(access = READ_ONLY)}) are left out: Jackson ignores them on input, so
 * offering them to Neuro would only invite values that are thrown away.
 */
final class NeuroJacksonSchemaModule extends JacksonSchemaModule {

	NeuroJacksonSchemaModule() {
		super(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED);
	}

	@Override
	public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
		super.applyToConfigBuilder(builder);
		SerializationConfig config = builder.getObjectMapper().serializationConfig();
		builder.forFields()
			.withIgnoreCheck(NeuroJacksonSchemaModule::isReadOnly)
			.withPropertyNameOverrideResolver((field) -> nameFromMapperNamingStrategy(config, field));
	}

	@Override
	protected @Nullable String resolveDescription(MemberScope<?, ?> member) {
		return null;
	}

	@Override
	protected @Nullable String resolveDescriptionForType(TypeScope scope) {
		return null;
	}

	@Override
	protected boolean getReadOnlyCheck(MemberScope<?, ?> member) {
		return false;
	}

	@Override
	protected boolean getWriteOnlyCheck(MemberScope<?, ?> member) {
		return false;
	}

	/**
	 * victools honours {@code @JsonNaming} but not a naming strategy configured on the mapper (such as
	 * {@code spring.jackson.property-naming-strategy=SNAKE_CASE}), which would advertise names the mapper does not
	 * bind. This resolver runs after the ones for {@code @JsonProperty} and {@code @JsonNaming}.
	 */
	private static @Nullable String nameFromMapperNamingStrategy(SerializationConfig config, FieldScope field) {
		PropertyNamingStrategy strategy = config.getPropertyNamingStrategy();
		JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
		// An explicit name is used as it is, never translated by the strategy
		if (strategy == null || (property != null && !property.value().isEmpty())) {
			return null;
		}
		return strategy.nameForField(config, null, field.getDeclaredName());
	}

	private static boolean isReadOnly(FieldScope field) {
		JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
		return property != null && property.access() == JsonProperty.Access.READ_ONLY;
	}

}
