package io.github.neurospringboot.action.support;

import java.lang.reflect.Parameter;

import tools.jackson.databind.node.ObjectNode;

/**
 * Adds what a method parameter's own annotations say to the schema generated from its type (the type alone cannot
 * carry them), such as Bean Validation bounds.
 */
@FunctionalInterface
public interface ParameterSchemaCustomizer {

	/**
	 * Adjust the schema of one action parameter.
	 * @param parameter the method parameter
	 * @param schema the property schema generated from its type, to adjust in place
	 */
	void customize(Parameter parameter, ObjectNode schema);

}
