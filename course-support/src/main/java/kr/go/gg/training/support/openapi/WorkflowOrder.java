package kr.go.gg.training.support.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Puts the document's tags and paths in the workflow's order the apps declared ({@link ApiTag}): Swagger UI shows
 * tags in the order of the document's tag list and a tag's operations in the order of the paths. Only tags some
 * operation of this document uses are listed (a split app has only its own).
 */
final class WorkflowOrder implements OpenApiCustomizer {

    private final Map<String, ApiTag> declared = new LinkedHashMap<>();

    WorkflowOrder(List<ApiTag> tags) {
        tags.stream().sorted(Comparator.comparingInt(ApiTag::order)).forEach(tag -> declared.putIfAbsent(tag.name(), tag));
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        openApi.getPaths().values().forEach(item -> operations(item).forEach(op -> used.addAll(tags(op))));
        List<Tag> tags = new ArrayList<>();
        declared.values().stream().filter(tag -> used.contains(tag.name()))
                .forEach(tag -> tags.add(new Tag().name(tag.name()).description(tag.description())));
        used.stream().filter(name -> !declared.containsKey(name)).forEach(name -> tags.add(new Tag().name(name)));
        openApi.setTags(tags);
        Paths sorted = new Paths();
        openApi.getPaths().entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, PathItem>>comparingInt(path -> tagOrder(path.getValue()))
                        .thenComparingInt(path -> pathIndex(path.getKey(), path.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(path -> sorted.addPathItem(path.getKey(), path.getValue()));
        sorted.setExtensions(openApi.getPaths().getExtensions());
        openApi.setPaths(sorted);
    }

    private int tagOrder(PathItem item) {
        return operations(item).stream().flatMap(op -> tags(op).stream()).map(declared::get)
                .mapToInt(tag -> tag == null ? Integer.MAX_VALUE : tag.order()).min().orElse(Integer.MAX_VALUE);
    }

    private int pathIndex(String path, PathItem item) {
        return operations(item).stream().flatMap(op -> tags(op).stream()).map(declared::get)
                .filter(tag -> tag != null && tag.paths().contains(path))
                .mapToInt(tag -> tag.paths().indexOf(path)).min().orElse(Integer.MAX_VALUE);
    }

    private static List<Operation> operations(PathItem item) {
        return item.readOperations();
    }

    private static List<String> tags(Operation operation) {
        return operation.getTags() == null ? List.of() : operation.getTags();
    }
}
