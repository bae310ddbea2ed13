package io.github.neurospringboot.action.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.Set;

import io.github.neurospringboot.schema.NumericBounds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/**
 * Advertises the Bean Validation constraints of a method parameter in its schema, so that Neuro knows the bounds
 * before she calls: {@code @Min}/{@code @Max}/{@code @DecimalMin}/{@code @DecimalMax}/{@code @Positive} and their
 * kin become {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum} where they are
 * narrower than the bounds the schema already has (an integral type's range, another constraint); {@code @Size},
 * {@code @NotEmpty} and {@code @NotBlank} become length or item counts; {@code @Pattern} becomes {@code pattern}.
 * (Constraints inside records are advertised by the schema generator itself.)
 */
public final class BeanValidationParameterKeywords implements ParameterSchemaCustomizer {

	/**
	 * The constraints this customizer turns into keywords; the schema generator does the same for the same ones
	 * inside records.
	 */
	static final Set<Class<? extends Annotation>> EXPRESSED = Set.of(Min.class, Max.class, DecimalMin.class,
			DecimalMax.class, Positive.class, PositiveOrZero.class, Negative.class, NegativeOrZero.class, Size.class,
			NotEmpty.class, NotBlank.class, Pattern.class);

	@Override
	public void customize(Parameter parameter, ObjectNode schema) {
		boolean array = "array".equals(schema.path("type").asString(""));
		String minCount = array ? "minItems" : "minLength";
		String maxCount = array ? "maxItems" : "maxLength";
		// Narrowing, never replacing: the schema already holds the range of an integral type
		Min min = parameter.getAnnotation(Min.class);
		if (min != null) {
			NumericBounds.narrow(schema, "minimum", BigDecimal.valueOf(min.value()));
		}
		Max max = parameter.getAnnotation(Max.class);
		if (max != null) {
			NumericBounds.narrow(schema, "maximum", BigDecimal.valueOf(max.value()));
		}
		DecimalMin decimalMin = parameter.getAnnotation(DecimalMin.class);
		if (decimalMin != null) {
			NumericBounds.narrow(schema, decimalMin.inclusive() ? "minimum" : "exclusiveMinimum",
					new BigDecimal(decimalMin.value()));
		}
		DecimalMax decimalMax = parameter.getAnnotation(DecimalMax.class);
		if (decimalMax != null) {
			NumericBounds.narrow(schema, decimalMax.inclusive() ? "maximum" : "exclusiveMaximum",
					new BigDecimal(decimalMax.value()));
		}
		if (parameter.isAnnotationPresent(Positive.class)) {
			NumericBounds.narrow(schema, "exclusiveMinimum", BigDecimal.ZERO);
		}
		if (parameter.isAnnotationPresent(PositiveOrZero.class)) {
			NumericBounds.narrow(schema, "minimum", BigDecimal.ZERO);
		}
		if (parameter.isAnnotationPresent(Negative.class)) {
			NumericBounds.narrow(schema, "exclusiveMaximum", BigDecimal.ZERO);
		}
		if (parameter.isAnnotationPresent(NegativeOrZero.class)) {
			NumericBounds.narrow(schema, "maximum", BigDecimal.ZERO);
		}
		Size size = parameter.getAnnotation(Size.class);
		if (size != null) {
			if (size.min() > 0) {
				schema.put(minCount, size.min());
			}
			if (size.max() < Integer.MAX_VALUE) {
				schema.put(maxCount, size.max());
			}
		}
		if (parameter.isAnnotationPresent(NotEmpty.class) || parameter.isAnnotationPresent(NotBlank.class)) {
			schema.put(minCount, Math.max(1, schema.path(minCount).asInt(0)));
		}
		Pattern pattern = parameter.getAnnotation(Pattern.class);
		if (pattern != null) {
			schema.put("pattern", pattern.regexp());
		}
	}

}
