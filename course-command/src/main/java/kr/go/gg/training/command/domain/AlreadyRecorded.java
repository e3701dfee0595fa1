package kr.go.gg.training.command.domain;

/**
 * The answer of a creation that found the very same thing already recorded under its id: nothing is appended and
 * the request is answered 200 with the existing id (docs/api.md: an agreement posted again).
 */
public record AlreadyRecorded(String id) {
}
