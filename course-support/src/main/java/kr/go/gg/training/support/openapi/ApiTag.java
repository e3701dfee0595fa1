package kr.go.gg.training.support.openapi;

import java.util.List;

/**
 * A tag of the OpenAPI document and its place in it (lower {@code order} first: the workflow's order, agreements
 * first, operations last), with its paths in the order a client uses them (paths not listed follow, by name).
 * Each app declares the tags its operations use as beans; standalone gets both apps' tags in one document, a tag
 * both declare counted once.
 */
public record ApiTag(String name, int order, String description, List<String> paths) {

    public ApiTag(String name, int order, String description, String... paths) {
        this(name, order, description, List.of(paths));
    }
}
