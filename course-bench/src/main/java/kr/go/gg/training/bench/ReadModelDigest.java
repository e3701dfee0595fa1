package kr.go.gg.training.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;

/**
 * What every read model holds, as one digest per collection of its live generation: the sum of every document's own
 * digest (any order), its fields in name order (a rebuild may write a document's fields in another order than the live batches
 * did; the answers built from it are the same). The replay must leave every digest as it was ({@code replay_match}).
 */
final class ReadModelDigest {

    /** Documents per read: an audit chunk holds up to 500 entries (about 110 KB), 500 of them were a 55 MB reply. */
    private static final int PAGE = 100;

    private ReadModelDigest() {
    }

    /** Collection (without its generation suffix) -> digest, over every projection's live generation. */
    static Map<String, String> of(SystemUnderTest sut) {
        Map<String, String> digests = new TreeMap<>();
        liveCollections(sut).forEach((base, collection) -> digests.put(base, digest(collection)));
        return digests;
    }

    /** Collection (without its generation suffix) -> its live generation's collection, over every projection. */
    static Map<String, MongoCollection<Document>> liveCollections(SystemUnderTest sut) {
        ReadModelGenerations generations = sut.bean(ReadModelGenerations.class);
        MongoDatabase database = sut.mongoDatabase();
        Map<String, MongoCollection<Document>> collections = new TreeMap<>();
        for (String projection : ProcessingGroups.ALL) {
            int live = generations.refresh(projection);
            for (String base : generations.collections(projection)) {
                collections.put(base, database.getCollection(ReadModelGenerations.name(base, live)));
            }
        }
        return collections;
    }

    /**
     * Every {@code _id} first (one small reply), then the documents by {@code $in} of {@value #PAGE} ids, each page
     * folded in as it comes. The wire server answers a find in one reply whatever its batch size (a whole collection
     * was over the driver's 48 MB limit at 3,600 courses), and a range or a sort on {@code _id} scans and sorts the
     * whole collection for every page, while {@code $in} on {@code _id} is an index lookup.
     */
    private static String digest(MongoCollection<Document> collection) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] count = {0};
        long[] sum = {0}; // of each document's own digest: the same whatever order the documents come in
        eachDocument(collection, document -> {
            byte[] one = sha.digest(String.valueOf(canonical(document)).getBytes(StandardCharsets.UTF_8));
            sum[0] += java.nio.ByteBuffer.wrap(one).getLong();
            count[0]++;
        });
        return count[0] + ":" + HexFormat.of().toHexDigits(sum[0]);
    }

    /** Every document of {@code collection}: its ids in one reply, then the documents by {@code $in} of {@value #PAGE}. */
    static void eachDocument(MongoCollection<Document> collection, Consumer<Document> action) {
        List<Object> ids = collection.find().projection(Projections.include("_id"))
                .map(document -> document.get("_id")).into(new ArrayList<>());
        for (int from = 0; from < ids.size(); from += PAGE) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + PAGE)))).forEach(action);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadModelDigest::canonical).toList();
        }
        return value;
    }
}
