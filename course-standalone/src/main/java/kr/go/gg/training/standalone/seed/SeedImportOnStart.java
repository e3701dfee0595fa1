package kr.go.gg.training.standalone.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.command.importing.HistoricalImporter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code --course.import=PATH} (a file or {@code classpath:} resource, e.g. {@code classpath:seed/gyeonggi-2014-2016.json}):
 * on start, records the file's agreements and outbound figures and imports its historical courses, unless already there. Ids derive
 * from the records, so a restart with the same option imports nothing twice.
 */
@Component
@ConditionalOnProperty("course.import")
class SeedImportOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedImportOnStart.class);

    private final Resource file;
    private final ObjectMapper json;
    private final Validator validator;
    private final HistoricalImporter importer;
    private final EventStore events;

    SeedImportOnStart(@Value("${course.import}") Resource file, ObjectMapper json, Validator validator,
                      HistoricalImporter importer, EventStore events) {
        this.events = events;
        this.file = file;
        this.json = json;
        this.validator = validator;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        HistoricalImporter.Import seed;
        try (InputStream in = file.getInputStream()) {
            seed = json.readValue(in, HistoricalImporter.Import.class);
        }
        Set<ConstraintViolation<HistoricalImporter.Import>> violations = validator.validate(seed);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("course.import=" + file + " is not a valid import file: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        List<HistoricalImporter.AgreementRow> agreements = seed.agreements() == null ? List.of()
                : seed.agreements().stream().filter(row -> !recordedUnderFormerId(row)).toList();
        HistoricalImporter.Imported imported = importer.execute(importer.plan(
                new HistoricalImporter.Import(agreements, seed.courses(), seed.printedTotals(), seed.outboundSummaries())));
        log.info("Imported {}: {} agreements recorded, {} outbound figures recorded, {} courses imported, {} already there;"
                        + " printed totals that disagree with the rows: {}", file, imported.agreementsRecorded(),
                imported.outboundSummariesRecorded(), imported.imported(), imported.alreadyImported(),
                imported.discrepancies());
    }

    /**
     * The importer records an agreement under the id it is identified by (AgreementId.of), so the same one posted
     * later is found. A start before that rule recorded the seed's agreements under ids of province and
     * classification: those stay, and are not recorded again.
     */
    private boolean recordedUnderFormerId(HistoricalImporter.AgreementRow row) {
        Province province = Province.of(row.province());
        String former = UUID.nameUUIDFromBytes(("agreement|" + province + "|" + row.classification())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return events.readEvents(former).hasNext();
    }
}
