package kr.go.gg.training.query.platform.readmodel;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The {@code $set} of a rebuild's path update of a document its generation never held, with the paths under one field
 * ({@code entries.<id>}) given as ONE {@code $set} of that field: the wire server checks every pair of an update's
 * paths against each other, and an audit chunk's write in a rebuild sets hundreds of entries (course-bench: most of
 * the wire server's time in the rebuild's last writes). Upserted into no document, both build the same document, its
 * entries in the same order. Any other shape (deeper paths, a field set whole beside paths under it) stays as it is.
 */
final class GroupedPaths {

    private GroupedPaths() {
    }

    /** {@code operators} of an upsert into no document, its {@code $set} grouped where nothing else touches it. */
    static Document of(Document operators) {
        if (!(operators.get("$set") instanceof Document sets)) {
            return operators;
        }
        Document grouped = grouped(sets);
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (!operator.getKey().equals("$set") && ((Document) operator.getValue()).keySet().stream()
                    .anyMatch(path -> grouped.containsKey(path.split("\\.", 2)[0]))) {
                return operators; // another operator's path under a grouped field would conflict with it
            }
        }
        Document result = new Document();
        operators.forEach((operator, paths) -> result.put(operator, operator.equals("$set") ? grouped : paths));
        return result;
    }

    private static Document grouped(Document sets) {
        Document grouped = new Document();
        Set<String> parents = new HashSet<>();
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            String path = set.getKey();
            int dot = path.indexOf('.');
            if (dot < 0) {
                if (parents.contains(path) || grouped.containsKey(path)) {
                    return sets;
                }
                grouped.put(path, set.getValue());
                continue;
            }
            String parent = path.substring(0, dot);
            String key = path.substring(dot + 1);
            if (key.isEmpty() || key.indexOf('.') >= 0 || grouped.containsKey(parent) && !parents.contains(parent)) {
                return sets;
            }
            parents.add(parent);
            ((Document) grouped.computeIfAbsent(parent, k -> new Document())).put(key, set.getValue());
        }
        return grouped;
    }
}
