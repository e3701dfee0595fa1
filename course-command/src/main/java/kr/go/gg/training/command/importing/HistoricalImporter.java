package kr.go.gg.training.command.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.agreement.RecordAgreement;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.historical.ImportHistoricalCourse;
import kr.go.gg.training.api.outbound.RecordOutboundSummary;
import kr.go.gg.training.command.domain.AlreadyRecorded;
import kr.go.gg.training.api.command.Refusal;
import kr.go.gg.training.api.command.Replayed;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * Imports the printed record's exchange agreements, its courses as completed courses with a headcount and its
 * yearly outbound figures ({@link OutboundSummaries}). Ids derive
 * from each row, so a repeated import records and imports nothing and counts the rows as already there. Every row is checked before the
 * first is imported: a bad row refuses the whole import. Used by the HTTP endpoint and by a start-up import.
 */
@Service
public class HistoricalImporter {

    public record CourseRow(@NotNull Program program, Direction direction, @NotBlank @CodePointLength(max = 200) String partner,
                            @NotNull LocalDate startDate, @NotNull LocalDate endDate,
                            @NotNull @Min(0) @Max(10_000) Integer people) {
    }

    public record PrintedTotalRow(@NotNull Integer year, Program program, @NotNull @Min(0) Integer courses,
                                  @NotNull @Min(0) Integer people) {
    }

    /** An exchange agreement of the record, identified by province, classification and month signed. */
    public record AgreementRow(@NotBlank @CodePointLength(max = 100) String province,
                               @NotNull AgreementClassification classification, @NotNull YearMonth signedOn) {
    }

    /** A year's outbound groups known only as a printed figure (docs/api.md): recorded once, never as course rows. */
    public record OutboundSummaryRow(@NotNull Integer year, @NotNull @Min(0) Integer courses, @NotNull @Min(0) Integer people,
                                     @NotNull @Size(max = 34) List<@NotNull String> partners) {
    }

    public record Import(@Size(max = 1000) List<@Valid @NotNull AgreementRow> agreements,
                         @NotNull @Size(max = 5000) List<@Valid @NotNull CourseRow> courses,
                         @Size(max = 1000) List<@Valid @NotNull PrintedTotalRow> printedTotals,
                         @Size(max = 100) List<@Valid @NotNull OutboundSummaryRow> outboundSummaries) {

        public Import(List<AgreementRow> agreements, List<CourseRow> courses, List<PrintedTotalRow> printedTotals) {
            this(agreements, courses, printedTotals, null);
        }
    }

    /** What an import did; {@code position}: the event position after it (the HTTP answer's, else -1). */
    public record Imported(int imported, int alreadyImported, int agreementsRecorded, int agreementsAlreadyRecorded,
                           int outboundSummariesRecorded, int outboundSummariesAlreadyRecorded,
                           List<HistoricalImport.Discrepancy> discrepancies, long position) {

        public Imported at(long eventPosition) {
            return new Imported(imported, alreadyImported, agreementsRecorded, agreementsAlreadyRecorded,
                    outboundSummariesRecorded, outboundSummariesAlreadyRecorded, discrepancies, eventPosition);
        }
    }

    /** The commands of a checked import (outbound figures, agreements, courses), and what its discrepancies come from. */
    public record Plan(List<RecordOutboundSummary> outboundSummaries, List<RecordAgreement> agreements,
                       List<ImportHistoricalCourse> commands, List<HistoricalImport.Row> rows,
                       List<HistoricalImport.PrintedTotal> printed) {
    }

    private final CommandGateway commandGateway;

    public HistoricalImporter(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Checks every row; a bad one is refused with its position, before anything is imported. */
    public Plan plan(Import body) {
        List<ImportHistoricalCourse> commands = new ArrayList<>();
        List<HistoricalImport.Row> rows = new ArrayList<>();
        for (int i = 0; i < body.courses().size(); i++) {
            CourseRow row = body.courses().get(i);
            Direction direction = row.direction() == null ? Direction.INBOUND : row.direction();
            try {
                Period period = new Period(row.startDate(), row.endDate());
                commands.add(new ImportHistoricalCourse(
                        ImportHistoricalCourse.idFor(row.program(), direction, row.partner(), period),
                        row.program(), direction, row.partner(), period, row.people(), "historical import"));
            } catch (InvalidValueException e) {
                throw new InvalidValueException("courses[" + i + "]." + e.field(), e.problem());
            }
            rows.add(new HistoricalImport.Row(row.program(), direction, row.startDate().getYear(), row.people()));
        }
        List<HistoricalImport.PrintedTotal> printed = body.printedTotals() == null ? List.of()
                : body.printedTotals().stream()
                .map(total -> new HistoricalImport.PrintedTotal(total.year(), total.program(), total.courses(), total.people()))
                .toList();
        return new Plan(OutboundSummaries.commands(body.outboundSummaries()), agreements(body.agreements()), commands,
                rows, printed);
    }

    /** Under the id an agreement is identified by ({@link AgreementId#of}), so one recorded before is found. */
    private static List<RecordAgreement> agreements(List<AgreementRow> rows) {
        List<RecordAgreement> commands = new ArrayList<>();
        for (int i = 0; rows != null && i < rows.size(); i++) {
            AgreementRow row = rows.get(i);
            Province province = Province.listed(row.province(), "agreements[" + i + "].province");
            commands.add(new RecordAgreement(AgreementId.of(province, row.classification(), row.signedOn()), province,
                    row.classification(), row.signedOn()));
        }
        return commands;
    }

    public Imported execute(Plan plan) {
        return execute(plan, Map.of()).imported();
    }

    /** An import's answer, and how many of its courses had been imported before under the same Idempotency-Key. */
    public record Run(Imported imported, int replayed) {
    }

    /**
     * Sends every course's command with {@code metaData} (an Idempotency-Key's): a course made before under the
     * same key counts as imported, as the first attempt counted it, so a retry answers what the first one did.
     */
    public Run execute(Plan plan, Map<String, Object> metaData) {
        // the printed figures first: one that contradicts a figure recorded before stops the import before the rest
        int[] outbound = sendAll(plan.outboundSummaries(), metaData);
        int[] agreements = sendAll(plan.agreements(), metaData);
        int[] courses = sendAll(plan.commands(), metaData);
        return new Run(new Imported(courses[0], courses[1], agreements[0], agreements[1], outbound[0], outbound[1],
                HistoricalImport.discrepancies(plan.rows(), plan.printed()), -1), outbound[2] + agreements[2] + courses[2]);
    }

    /** Made, already there, made before under the same key (also counted as made, as the first attempt did). */
    private int[] sendAll(List<?> commands, Map<String, Object> metaData) {
        int[] counts = new int[3];
        for (Object command : commands) {
            switch (send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData))) {
                case CREATED -> counts[0]++;
                case REPLAYED -> {
                    counts[0]++;
                    counts[2]++;
                }
                case EXISTED -> counts[1]++;
            }
        }
        return counts;
    }

    private enum Outcome { CREATED, REPLAYED, EXISTED }

    /** A creation under a derived id: EXISTED, appending nothing, when that aggregate exists already. */
    private Outcome send(Object creation) {
        try {
            Object result = commandGateway.sendAndWait(creation);
            if (result instanceof AlreadyRecorded) {
                return Outcome.EXISTED; // the same thing, recorded before (an agreement found by its content)
            }
            return result instanceof Replayed ? Outcome.REPLAYED : Outcome.CREATED;
        } catch (CommandExecutionException e) {
            if (Refusal.of(e).map(Refusal::kind).orElse(null) != Refusal.Kind.ALREADY_EXISTS) {
                throw e;
            }
            return Outcome.EXISTED;
        }
    }
}
