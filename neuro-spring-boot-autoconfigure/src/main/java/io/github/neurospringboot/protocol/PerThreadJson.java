package io.github.neurospringboot.protocol;

import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Strict JSON, read and written with the buffers of the calling thread instead of those of a mapper's shared pool,
 * each use of which costs atomic operations: for the text of every action (its frame, its parameters, its result),
 * where that cost is a tenth of the work. A virtual thread (Java 21 and later) lives for one task, so buffers kept
 * for it would be made anew each time: it takes them from a shared pool, as a mapper does.
 *
 * <p>What it cannot read, its callers leave to the application's mapper, which may be more lenient and words the
 * failure. The mapper's own read settings do not apply to what it reads: a mapper made stricter than standard JSON
 * (rejecting a property given twice, say) is not consulted for a text that is standard JSON.
 */
public final class PerThreadJson {

	private static final JsonFactory perThread = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build();

	private static final JsonFactory pooled = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.defaultPool())
		.build();

	/** {@code Thread.isVirtual()}, or {@code null} before Java 21, where no thread is virtual. */
	private static final @Nullable MethodHandle isVirtual = isVirtualMethod();

	private PerThreadJson() {
	}

	/**
	 * Start reading a text.
	 * @param text the JSON text
	 * @return a parser, to be closed
	 */
	public static JsonParser parser(String text) {
		return factory().createParser(ObjectReadContext.empty(), text);
	}

	/**
	 * Start writing to a writer.
	 * @param writer where the text goes
	 * @return a generator, to be closed
	 */
	public static JsonGenerator generator(Writer writer) {
		return factory().createGenerator(ObjectWriteContext.empty(), writer);
	}

	private static JsonFactory factory() {
		return isVirtualThread() ? pooled : perThread;
	}

	private static boolean isVirtualThread() {
		if (isVirtual == null) {
			return false;
		}
		try {
			return (boolean) isVirtual.invokeExact(Thread.currentThread());
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Thread.isVirtual() failed", ex);
		}
	}

	private static @Nullable MethodHandle isVirtualMethod() {
		try {
			return MethodHandles.publicLookup()
				.findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

}
