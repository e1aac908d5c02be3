package dev.dockerhubmcp.plugins.repos;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckTagTest extends HeadCheckCases {
    @Override
    String action() {
        return "check_tag";
    }

    @Override
    String path() {
        return "/v2/namespaces/alice/repositories/web/tags/1.0";
    }

    @Override
    String args() {
        return "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"1.0\"}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"namespace\":\"alice\",\"repository\":\"web\"}|'tag' is required",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\".hidden\"}|'tag' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"a/b\"}|'tag' does not match",
        "{\"namespace\":\"alice\",\"repository\":\"web\",\"tag\":\"sha256:abc\"}|'tag' does not match"})
    void badTagsAreRefusedBeforeTheNetwork(String args, String message) {
        f.refusedBeforeNetwork(action(), args, message);
    }
}
