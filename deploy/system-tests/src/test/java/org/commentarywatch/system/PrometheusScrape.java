package org.commentarywatch.system;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a service's {@code /q/metrics} (Prometheus text format), read by metric name and labels. */
record PrometheusScrape(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static PrometheusScrape of(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = SystemHttp.get(serviceUrl + "/q/metrics");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(serviceUrl + "/q/metrics answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line.strip());
            if (!matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(3) != null) {
                Matcher label = LABEL.matcher(matcher.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                samples.add(new Sample(matcher.group(1), Map.copyOf(labels), Double.parseDouble(matcher.group(4))));
            } catch (NumberFormatException e) {
                // "NaN"-like values that Double does not read are of no use to a sum
            }
        }
        return new PrometheusScrape(List.copyOf(samples));
    }

    /** The series of {@code name} whose labels include every entry of {@code labels}. */
    List<Sample> select(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum over the selected series; empty when there is none. */
    OptionalDouble sum(String name, Map<String, String> labels) {
        List<Sample> selected = select(name, labels);
        return selected.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(selected.stream().mapToDouble(Sample::value).sum());
    }
}
