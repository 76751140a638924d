package io.capdex.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A YAML document as a tree that remembers the line of every key and value, which Jackson's own tree forgets,
 * so that every configuration error can name its line.
 */
sealed interface YamlNode {
    int line();

    /** A mapping; entries keep their order and the line of their key. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
    }

    /** One key of a mapping: the line the key is on, and its value (null when the value is left empty). */
    record Entry(String key, int line, @Nullable YamlNode value) {
    }

    /** A scalar as written (numbers and booleans as their text). */
    record Scalar(String text, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    /**
     * Parses a whole document; an empty document is an empty mapping.
     *
     * @throws ConfigException for malformed YAML and duplicate keys
     */
    static Mapping parse(String yaml, String file) throws ConfigException {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (JsonParser p = factory.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), 1);
            }
            YamlNode root = read(p, file);
            if (root == null) {
                return new Mapping(Map.of(), 1);
            }
            if (!(root instanceof Mapping m)) {
                throw new ConfigException(file, root.line(), "the configuration must be a mapping of keys to values");
            }
            return m;
        } catch (ConfigException e) {
            throw e;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new ConfigException(file, line, "not valid YAML: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static @Nullable YamlNode read(JsonParser p, String file) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    Entry earlier = entries.get(key);
                    if (earlier != null) {
                        throw new ConfigException(file, keyLine, "duplicate key '" + key + "' (first at line "
                                + earlier.line() + ")");
                    }
                    p.nextToken();
                    entries.put(key, new Entry(key, keyLine, read(p, file)));
                }
                return new Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    YamlNode item = read(p, file);
                    if (item != null) {
                        items.add(item);
                    }
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                String text = p.getText();
                // `key:` with nothing after it reads as an empty string: treat it as unset, like null
                return text.isEmpty() ? null : new Scalar(text, line);
            }
        }
    }
}
