package io.github.neurospringboot.schema;

import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Module;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import org.jspecify.annotations.Nullable;

/**
 * The victools Jakarta Validation module with {@code INCLUDE_PATTERN_EXPRESSIONS}, so that constraints become
 * {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}, {@code minLength},
 * {@code maxLength}, {@code pattern}, {@code minItems} and {@code maxItems}.
 * <p>
 * {@code @Email} is not expressed: the {@code format} it would produce is left out, like every other
 * {@code format}, to keep schemas minimal (models tend to ignore it, some choke on it). Bean Validation still
 * enforces it on the value Neuro sends.
 */
final class NeuroJakartaValidationModule extends JakartaValidationModule {

	private NeuroJakartaValidationModule() {
		super(JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS);
	}

	/**
	 * Create the module. Typed as {@link Module} so that callers do not load Jakarta Validation classes unless they
	 * call this method.
	 * @return a new module
	 */
	static Module create() {
		return new NeuroJakartaValidationModule();
	}

	@Override
	protected @Nullable String resolveStringFormat(MemberScope<?, ?> member) {
		return null;
	}

}
