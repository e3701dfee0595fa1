package kr.go.gg.training.bench;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;

import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.bench.report.Figures;
import kr.go.gg.training.bench.workload.Latencies;

/**
 * Workload 3, the dashboard query: the ten-year report through the query gateway, against its limit, the raw
 * driver {@code findOne} by {@code _id} on the largest read-model collection, interleaved with the queries so both
 * see the same noise of this shared machine ({@code query_ratio}).
 */
record QueryLoad(BenchRun run) {

    void measure(SystemUnderTest sut) throws Exception {
        int n = run.options().queries();
        QueryGateway queries = sut.queryGateway();
        MongoDatabase database = sut.mongoDatabase();
        String collection = largestReadModel(database);
        MongoCollection<Document> documents = database.getCollection(collection);
        List<Object> ids = new ArrayList<>();
        for (Document d : documents.find().projection(Projections.include("_id")).limit(1000)) {
            ids.add(d.get("_id"));
        }
        run.progress("dashboard query: the ten-year report " + n + " times through the query gateway, interleaved with "
                + n + " raw driver findOne by _id on '" + collection + "'");
        YearlyPerformanceReport report = null;
        for (int i = 0; i < Math.max(10, n / 5); i++) {
            report = TenYearReport.ask(queries);
            documents.find(Filters.eq("_id", ids.get(i % ids.size()))).first();
        }
        Latencies latencies = new Latencies();
        Latencies findOne = new Latencies();
        for (int i = 0; i < n; i++) {
            report = timed(queries, documents, ids.get(i % ids.size()), latencies, findOne);
        }
        put(report, latencies, findOne);
        run.figures().note("findOne baseline collection: " + collection + " (" + ids.size() + " ids)");
    }

    /** One report, then one findOne of {@code id}, each timed. */
    private static YearlyPerformanceReport timed(QueryGateway queries, MongoCollection<Document> documents, Object id,
                                                 Latencies latencies, Latencies findOne) throws Exception {
        long start = System.nanoTime();
        YearlyPerformanceReport report = TenYearReport.ask(queries);
        latencies.record(System.nanoTime() - start);
        start = System.nanoTime();
        Document found = documents.find(Filters.eq("_id", id)).first();
        findOne.record(System.nanoTime() - start);
        if (found == null) {
            throw new IllegalStateException("findOne found no document " + id);
        }
        return report;
    }

    private void put(YearlyPerformanceReport report, Latencies latencies, Latencies findOne) {
        Figures figures = run.figures();
        figures.put("query_years", report == null ? 0 : report.years().size(), 0, "", "years in the report answer");
        figures.put("query_rows", report == null ? 0 : TenYearReport.rows(report), 0, "", "course rows in the report answer");
        figures.put("query_p50_ms", latencies.percentileMs(50), 3, "ms", "ten-year report via the query gateway, p50");
        figures.put("query_p99_ms", latencies.percentileMs(99), 3, "ms", "ten-year report via the query gateway, p99");
        figures.put("findone_p50_ms", findOne.percentileMs(50), 3, "ms", "raw driver findOne by _id, p50");
        figures.put("findone_p99_ms", findOne.percentileMs(99), 3, "ms", "raw driver findOne by _id, p99");
        figures.put("query_ratio", latencies.percentileMs(99) / findOne.percentileMs(99), 2, "",
                "query_p99_ms / findone_p99_ms");
    }

    /** The read-model collection with the most documents (not the bench's own, not the tokens). */
    private static String largestReadModel(MongoDatabase database) {
        String best = null;
        long bestCount = -1;
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("bench_") || name.startsWith("system.") || name.toLowerCase().contains("token")) {
                continue;
            }
            long count = database.getCollection(name).countDocuments();
            if (count > bestCount) {
                best = name;
                bestCount = count;
            }
        }
        if (best == null || bestCount <= 0) {
            throw new IllegalStateException("no read-model collection with documents for the findOne baseline");
        }
        return best;
    }
}
