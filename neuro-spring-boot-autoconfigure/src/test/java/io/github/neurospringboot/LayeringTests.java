package io.github.neurospringboot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering README's architecture section describes, checked on the compiled classes: each layer uses only those
 * below it, so that no arrow runs back up the flow (detection, registry, connection, dispatch, result).
 */
class LayeringTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.neurospringboot");

	@Test
	void eachLayerUsesOnlyTheLayersBelowIt() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Integrations").definedBy("..actuate..", "..observation..", "..aot..")
			.layer("Configuration").definedBy("..autoconfigure..")
			.layer("Windows").definedBy("..window..")
			.layer("Client").definedBy("..client..")
			.layer("Actions").definedBy("..action..")
			.layer("Registrations").definedBy("..registration..")
			.layer("Connection").definedBy("..connection..")
			.layer("Events").definedBy("..event..")
			.layer("Foundations").definedBy("..protocol..", "..schema..", "..annotation..", "..diagnostics..")
			.whereLayer("Integrations").mayNotBeAccessedByAnyLayer()
			.whereLayer("Configuration").mayOnlyBeAccessedByLayers("Integrations")
			.whereLayer("Windows").mayOnlyBeAccessedByLayers("Configuration", "Integrations")
			.whereLayer("Client").mayOnlyBeAccessedByLayers("Windows", "Configuration", "Integrations")
			.whereLayer("Actions").mayOnlyBeAccessedByLayers("Client", "Windows", "Configuration", "Integrations")
			.whereLayer("Registrations")
			.mayOnlyBeAccessedByLayers("Actions", "Client", "Windows", "Configuration", "Integrations")
			.whereLayer("Connection")
			.mayOnlyBeAccessedByLayers("Registrations", "Actions", "Client", "Windows", "Configuration", "Integrations")
			.whereLayer("Events")
			.mayOnlyBeAccessedByLayers("Connection", "Registrations", "Actions", "Client", "Windows", "Configuration",
					"Integrations")
			.check(PRODUCTION);
	}

	@Test
	void noPackageCycle() {
		slices().matching("io.github.neurospringboot.(**)").should().beFreeOfCycles().check(PRODUCTION);
	}

}
