package io.github.neurospringboot.schema;

import java.util.List;
import java.util.Optional;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.module.EnumModule;
import com.github.victools.jsonschema.generator.impl.module.FlattenedWrapperModule;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Builds the victools {@link SchemaGenerator} for Neuro's simple dialect.
 * <ul>
 * <li>{@code PLAIN_JSON} for draft 2020-12, without {@code SCHEMA_VERSION_INDICATOR} (no {@code $schema}),
 * {@code FLATTENED_OPTIONALS} (it makes optionals nullable: {@code "type": [..., "null"]} or {@code anyOf}),
 * {@code FLATTENED_ENUMS} (replaced by the mapper-aware enum module) and {@code STANDARD_FORMATS} (no
 * {@code format});</li>
 * <li>with {@code INLINE_ALL_SCHEMAS} (no {@code $defs} or {@code $ref}) and {@code ENUM_KEYWORD_FOR_SINGLE_VALUES}
 * (every enum looks the same, never {@code const});</li>
 * <li>an {@code Optional} property is described as its value;</li>
 * <li>enum values are exactly the strings the application's mapper writes, which covers {@code @JsonValue},
 * {@code @JsonProperty} on constants and Jackson 3's {@code toString()} default;</li>
 * <li>Jackson's view of properties ({@link NeuroJacksonSchemaModule}), then Jakarta constraints when Jakarta
 * Validation is present ({@link NeuroJakartaValidationModule}), then Neuro's own rules ({@link NeuroSchemaModule});
 * </li>
 * <li>properties in declaration order, which reads better to a model than alphabetical order;</li>
 * <li>last, the application's {@link SchemaGeneratorCustomizer customizers}, in order.</li>
 * </ul>
 */
final class SchemaGeneratorFactory {

	private static final boolean JAKARTA_VALIDATION_PRESENT = isPresent("jakarta.validation.constraints.NotNull")
			&& isPresent("com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule");

	private SchemaGeneratorFactory() {
	}

	/**
	 * Build a generator.
	 * @param mapper the application's mapper, which decides property names, visibility and enum values
	 * @param customizers the customizers to apply after the starter's configuration
	 * @param guard marks what Neuro's dialect cannot express
	 * @return the generator
	 */
	static SchemaGenerator create(JsonMapper mapper, List<SchemaGeneratorCustomizer> customizers,
			UnsupportedTypeGuard guard) {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.without(Option.SCHEMA_VERSION_INDICATOR, Option.FLATTENED_OPTIONALS, Option.FLATTENED_ENUMS,
					Option.STANDARD_FORMATS)
			.with(Option.INLINE_ALL_SCHEMAS, Option.ENUM_KEYWORD_FOR_SINGLE_VALUES)
			.with(new FlattenedWrapperModule<>(Optional.class))
			.with(new EnumModule((constant) -> mapper.convertValue(constant, String.class)))
			.with(new NeuroJacksonSchemaModule());
		if (JAKARTA_VALIDATION_PRESENT) {
			builder.with(NeuroJakartaValidationModule.create());
		}
		builder.with(new NeuroSchemaModule(guard));
		builder.forTypesInGeneral().withPropertySorter((first, second) -> 0);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return new SchemaGenerator(builder.build());
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, SchemaGeneratorFactory.class.getClassLoader());
	}

}
