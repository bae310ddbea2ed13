package io.github.neurospringboot.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in front of victools' inlining and marks every type that Neuro's dialect cannot express: maps, types
 * without a fixed structure ({@code Object}, {@code JsonNode}, and what wildcards, raw types and unbound type
 * variables resolve to), optional wrappers that are not a property's own type, and recursive types. A marked type
 * becomes a node holding only {@link #MARKER}, whose value explains the problem and its fix;
 * {@link GeneratedSchemaCheck} turns the markers into one {@link UnsupportedSchemaException} that names their paths.
 * <p>
 * Marking instead of throwing is deliberate. victools' {@code InlineSchemaModule} keeps its stack of enclosing types
 * in a thread local that an exception leaves behind, so after one failure it blames the wrong type in the next
 * schema generated on that thread. This guard sees each type first, tracks recursion itself and never lets
 * victools throw. Not thread-safe: {@link ActionSchemaGenerator} serialises generation.
 */
final class UnsupportedTypeGuard implements CustomDefinitionProviderV2 {

	/** The keyword of a marker node: never sent, since a marker always fails generation. */
	static final String MARKER = "x-neuro-unsupported";

	private final Deque<ResolvedType> enclosingTypes = new ArrayDeque<>();

	/** Whose words the problems are told in; set before each generation. */
	private SourceLanguage language = SourceLanguage.JAVA;

	/**
	 * Tell the problems of the next generations in a language's words.
	 * @param language the language of the types about to be described
	 */
	void speak(SourceLanguage language) {
		this.language = language;
	}

	@Override
	public @Nullable CustomDefinition provideCustomSchemaDefinition(ResolvedType javaType,
			SchemaGenerationContext context) {
		// Containers are victools' business; their items come back here one by one
		if (context.getTypeContext().isContainerType(javaType)) {
			return null;
		}
		String description = context.getTypeContext().getFullTypeDescription(javaType);
		String problem = problem(javaType, description);
		if (problem == null && this.enclosingTypes.contains(javaType)) {
			problem = description + " contains itself, and Neuro's schemas cannot express recursion (they have no"
					+ " $ref): use a flat structure, for example a List of " + this.language.records()
					+ " that refer to each other by id";
		}
		if (problem != null) {
			return new CustomDefinition(marker(context, problem), CustomDefinition.INLINE_DEFINITION,
					CustomDefinition.EXCLUDING_ATTRIBUTES);
		}
		this.enclosingTypes.push(javaType);
		try {
			ObjectNode definition = context.createStandardDefinition(javaType, this);
			// The standard definition already carries the type's attributes; adding them again would duplicate work
			return new CustomDefinition(definition, CustomDefinition.INLINE_DEFINITION,
					CustomDefinition.EXCLUDING_ATTRIBUTES);
		}
		finally {
			this.enclosingTypes.pop();
		}
	}

	/**
	 * Create a marker node for a problem.
	 * @param context the generation context
	 * @param problem what cannot be expressed, and how to fix it
	 * @return a schema node that holds only the marker
	 */
	static ObjectNode marker(SchemaGenerationContext context, String problem) {
		return context.getGeneratorConfig().createObjectNode().put(MARKER, problem);
	}

	/**
	 * Describe an optional wrapper found where it cannot be.
	 * @param description the full description of the optional type
	 * @return the problem and its fix
	 */
	static String nestedOptional(String description) {
		return description + " cannot be nested in a collection or another Optional: Optional may only be the type"
				+ " of a property or parameter itself, which Neuro may then leave out; use the value type instead";
	}

	private @Nullable String problem(ResolvedType type, String description) {
		Class<?> erased = type.getErasedType();
		if (type.isInstanceOf(Map.class)) {
			return description + " is a map, and Neuro cannot be told the keys of a map: use a "
					+ this.language.record() + " or a List of " + this.language.records() + " instead";
		}
		if (erased == Object.class || type.isInstanceOf(JsonNode.class)) {
			return description + " has no fixed structure to describe to Neuro (a wildcard, a raw type or an unbound"
					+ " type variable also ends up as Object): give it a concrete type";
		}
		if (OptionalTypes.isOptional(erased)) {
			return nestedOptional(description);
		}
		return null;
	}

}
