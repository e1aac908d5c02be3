package dev.dockerhubmcp.plugins.repos;

class CheckTagsTest extends HeadCheckCases {
    @Override
    String action() {
        return "check_tags";
    }

    @Override
    String path() {
        return "/v2/namespaces/alice/repositories/web/tags";
    }

    @Override
    String args() {
        return "{\"namespace\":\"alice\",\"repository\":\"web\"}";
    }
}
