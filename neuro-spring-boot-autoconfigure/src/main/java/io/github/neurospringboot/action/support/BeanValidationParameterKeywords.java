package io.github.neurospringboot.action.support;

import java.lang.reflect.Parameter;
import java.math.BigDecimal;

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
 * kin become {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum}; {@code @Size},
 * {@code @NotEmpty} and {@code @NotBlank} become length or item counts; {@code @Pattern} becomes {@code pattern}.
 * (Constraints inside records are advertised by the schema generator itself.)
 */
public final class BeanValidationParameterKeywords implements ParameterSchemaCustomizer {

	@Override
	public void customize(Parameter parameter, ObjectNode schema) {
		boolean array = "array".equals(schema.path("type").asString(""));
		String minCount = array ? "minItems" : "minLength";
		String maxCount = array ? "maxItems" : "maxLength";
		Min min = parameter.getAnnotation(Min.class);
		if (min != null) {
			schema.put("minimum", min.value());
		}
		Max max = parameter.getAnnotation(Max.class);
		if (max != null) {
			schema.put("maximum", max.value());
		}
		DecimalMin decimalMin = parameter.getAnnotation(DecimalMin.class);
		if (decimalMin != null) {
			schema.put(decimalMin.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(decimalMin.value()));
		}
		DecimalMax decimalMax = parameter.getAnnotation(DecimalMax.class);
		if (decimalMax != null) {
			schema.put(decimalMax.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(decimalMax.value()));
		}
		if (parameter.isAnnotationPresent(Positive.class)) {
			schema.put("exclusiveMinimum", 0);
		}
		if (parameter.isAnnotationPresent(PositiveOrZero.class)) {
			schema.put("minimum", 0);
		}
		if (parameter.isAnnotationPresent(Negative.class)) {
			schema.put("exclusiveMaximum", 0);
		}
		if (parameter.isAnnotationPresent(NegativeOrZero.class)) {
			schema.put("maximum", 0);
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
