package org.commentarywatch.ingest.service.intake;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.CorpusImportResult;
import org.commentarywatch.ingest.model.CorpusImportResult.ImportedFile;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.model.Labels;
import org.commentarywatch.ingest.service.IngestService;
import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.commentarywatch.ingest.service.LabelRules;
import org.commentarywatch.ingest.service.extraction.UnreadableDocumentException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Imports a directory in the reference corpus' shape (text files plus {@code labels.json} describing them) as
 * reference documents carrying the analyst's labels. The one implementation of "corpus file → reference document":
 * the run command and the system tests call it through {@code POST /api/corpus/import}. Each file goes through
 * {@link IngestService} as plain text, so its id comes from its normalized text and importing again gives the same
 * ids (the records replace themselves downstream).
 */
@ApplicationScoped
public class CorpusImport {

    private static final Logger LOG = Logger.getLogger(CorpusImport.class);
    static final String LABELS = "labels.json";
    /** The corpus is text already extracted from its PDFs and pages. */
    static final String CONTENT_TYPE = "text/plain";

    /** One object of {@code labels.json}; properties this version does not use are ignored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String file, String title, List<String> authors, Optional<String> publisher,
            Optional<String> published, Optional<String> origin, Optional<String> stance, List<String> themes,
            List<String> countriesAndBlocs, List<String> people) {

        DocumentSubmission submission(String text) {
            Labels labels = new Labels(stance, themes, countriesAndBlocs, people, publisher, origin);
            return new DocumentSubmission(title, text, Optional.empty(), published, publisher, authors, true,
                    Optional.of(labels));
        }
    }

    private final IngestService ingest;
    private final ObjectMapper mapper;
    private final Duration perDocument;

    public CorpusImport(IngestService ingest, ObjectMapper mapper, CommentaryConfig config) {
        this.ingest = ingest;
        this.mapper = mapper;
        this.perDocument = config.ingest().ackTimeout().plusSeconds(15);
    }

    /**
     * Checks the whole directory first (every listed file present and readable, labels in the vocabularies), so
     * that a mistake in entry 5 does not leave entries 1 to 4 imported; then ingests the files in the order of
     * {@code labels.json}, logging each ({@code corpus import: 3/5 <file> -> <id>}).
     *
     * @param directory an existing directory
     * @throws InvalidDocumentException naming the file or entry that is wrong
     * @throws org.commentarywatch.ingest.messaging.PublishFailedException when Kafka is away (documents written
     *         before stay; importing again is safe)
     */
    public CorpusImportResult importDirectory(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        List<Entry> entries = readLabels(dir);
        List<DocumentSubmission> submissions = new ArrayList<>();
        for (Entry entry : entries) {
            submissions.add(checked(dir, entry));
        }
        LOG.infof("corpus import: %d files from %s", entries.size(), dir);
        List<ImportedFile> imported = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String file = entries.get(i).file();
            String id;
            try {
                id = ingest.ingest(submissions.get(i), CONTENT_TYPE).await().atMost(perDocument);
            } catch (InvalidDocumentException e) {
                throw new InvalidDocumentException(e.kind(), file + ": " + e.getMessage());
            } catch (UnreadableDocumentException e) {
                throw new UnreadableDocumentException(e.kind(), file + ": " + e.getMessage());
            }
            imported.add(new ImportedFile(file, id, submissions.get(i).title()));
            LOG.infof("corpus import: %d/%d %s -> %s", i + 1, entries.size(), file, id);
        }
        return new CorpusImportResult(dir.toString(), imported.size(), imported);
    }

    private List<Entry> readLabels(Path dir) {
        Path labels = dir.resolve(LABELS);
        if (!Files.isRegularFile(labels)) {
            throw new InvalidDocumentException("invalid_corpus", "no " + LABELS + " in " + dir
                    + ": a corpus directory holds the texts and a " + LABELS + " describing them");
        }
        List<Entry> entries;
        try {
            entries = List.of(mapper.readValue(labels.toFile(), Entry[].class));
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException("invalid_corpus", labels + " is not a JSON array of entries with "
                    + "file, title and labels: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidDocumentException("invalid_corpus", labels + " cannot be read: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new InvalidDocumentException("invalid_corpus", labels + " lists no files");
        }
        return entries;
    }

    private static DocumentSubmission checked(Path dir, Entry entry) {
        if (entry.file() == null || entry.file().isBlank()) {
            throw new InvalidDocumentException("invalid_corpus", "an entry of " + LABELS + " has no 'file'");
        }
        Path file = dir.resolve(entry.file()).normalize();
        // labels.json names files beside it, nothing elsewhere on the service's disk.
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new InvalidDocumentException("invalid_corpus", entry.file() + " is listed in " + LABELS
                    + " but is not a file in " + dir);
        }
        if (entry.title() == null || entry.title().isBlank()) {
            throw new InvalidDocumentException("invalid_corpus", entry.file() + ": no title in " + LABELS);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new InvalidDocumentException("invalid_corpus", entry.file() + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidDocumentException("invalid_corpus", entry.file() + " cannot be read: " + e.getMessage());
        }
        DocumentSubmission submission = entry.submission(text);
        try {
            submission.labels().ifPresent(LabelRules::validate);
        } catch (InvalidDocumentException e) {
            throw new InvalidDocumentException(e.kind(), entry.file() + ": " + e.getMessage());
        }
        return submission;
    }
}
