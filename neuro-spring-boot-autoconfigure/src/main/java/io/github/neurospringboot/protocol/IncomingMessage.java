package io.github.neurospringboot.protocol;

/**
 * A message Neuro sends to the game, as decoded by {@link NeuroMessageCodec#decode(String)}. Commands the codec does
 * not know are decoded as {@link UnknownCommand}, which callers never answer.
 */
public sealed interface IncomingMessage permits StartupAcknowledgement, ActionRequest, UnreadableAction, SpeechFinished,
		ReregisterAllActions, GracefulShutdownRequest, ImmediateShutdownRequest, UnknownCommand {

}
