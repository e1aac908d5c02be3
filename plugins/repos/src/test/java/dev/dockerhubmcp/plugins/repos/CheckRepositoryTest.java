package dev.dockerhubmcp.plugins.repos;

class CheckRepositoryTest extends HeadCheckCases {
    @Override
    String action() {
        return "check";
    }

    @Override
    String path() {
        return "/v2/namespaces/alice/repositories/web";
    }

    @Override
    String args() {
        return "{\"namespace\":\"alice\",\"repository\":\"web\"}";
    }
}
