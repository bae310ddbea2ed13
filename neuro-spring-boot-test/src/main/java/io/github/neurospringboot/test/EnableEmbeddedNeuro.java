package io.github.neurospringboot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an {@link EmbeddedNeuro} for a Spring test context, makes it a bean to inject into the test, and connects the
 * game to it through a primary {@link io.github.neurospringboot.autoconfigure.NeuroConnectionDetails} bean. It lives as
 * long as the (cached) context.
 *
 * <p>The embedded Neuro takes the place of whatever else says where Neuro is: {@code neuro.url} and
 * {@code NEURO_SDK_WS_URL} are left as configured but not used (an INFO line says so), and a
 * {@code NeuroConnectionDetails} bean of the application gives way to the primary one.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EnableEmbeddedNeuro
 * class GameTests {
 *
 *     @Autowired
 *     EmbeddedNeuro neuro;
 *
 *     @Test
 *     void placesAMark() {
 *         neuro.awaitActionRegistered("place_mark", Duration.ofSeconds(10));
 *         neuro.execute("place_mark", "{\"cell\": 4}").assertSuccess();
 *     }
 *
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EnableEmbeddedNeuro {

	/**
	 * Whether Neuro plays on its own when forced.
	 * @return {@code true} to play
	 */
	boolean autoPlay() default false;

	/**
	 * How many times a failed force is retried when playing on its own, each time with a call the game has not
	 * refused in that force.
	 * @return the number of retries
	 */
	int forceRetries() default 5;

	/**
	 * How long Neuro "thinks" before each move when playing on its own, in milliseconds.
	 * @return the delay
	 */
	long autoPlayDelayMillis() default 0;

	/**
	 * Whether to acknowledge {@code startup}, naming {@link #character()} as the player.
	 * @return {@code true} to acknowledge
	 */
	boolean acknowledgeStartup() default true;

	/**
	 * Who plays, when {@code startup} is acknowledged.
	 * @return the character
	 */
	NeuroCharacter character() default NeuroCharacter.NEURO;

}
