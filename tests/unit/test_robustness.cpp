// No crash on any input: mutated migrations (truncated, bytes flipped, unterminated quotes and
// dollar bodies, NUL bytes, odd line ends) go through the whole audit and every renderer.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "report/report.hpp"
#include "support.hpp"

namespace migsafe::test {

TEST(Robustness, MutatedMigrationsNeverCrash) {
    const std::vector<std::string> seeds = {
        "-- migrate:up\nCREATE TABLE t (id uuid PRIMARY KEY, tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE);\n"
        "CREATE INDEX i ON t (tenant_id);\n-- migrate:down\nDROP TABLE t;\n",
        "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i2 ON t (id);\n-- migrate:down\nDROP INDEX i2;\n",
        "-- migrate:up\nDO $$ BEGIN CREATE TYPE s AS ENUM ('a'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n"
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN RETURN NEW; END $body$;\n"
        "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n-- migrate:down\nDROP TRIGGER tr ON t;\n",
        "-- migrate:up\nALTER TABLE t ADD COLUMN x int NOT NULL DEFAULT 0, ALTER COLUMN y TYPE varchar(10);\n"
        "UPDATE t SET x = 1; CREATE POLICY p ON t USING (tenant_id = current_setting('a', true)::uuid);\n"
        "-- migrate:down\nALTER TABLE t DROP COLUMN x;\n",
    };
    std::mt19937 rng(12345);
    auto dir = std::filesystem::temp_directory_path() / ("migsafe-robust-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    report::Options ro;
    ro.date = "2025-01-01";
    ro.docs_url = "https://example.invalid/";
    for (int round = 0; round < 120; ++round) {
        std::filesystem::remove_all(dir);
        for (int f = 0; f < 3; ++f) {
            std::string s = seeds[rng() % seeds.size()];
            switch (rng() % 7) {
                case 0: s = s.substr(0, rng() % (s.size() + 1)); break;
                case 1:
                    for (int k = 0; k < 5; ++k) s[rng() % s.size()] = static_cast<char>(rng() % 256);
                    break;
                case 2: s.insert(rng() % s.size(), "$$"); break;
                case 3: s.insert(rng() % s.size(), "'"); break;
                case 4: s.insert(rng() % s.size(), std::string(1, '\0')); break;
                case 5:
                    for (auto& c : s)
                        if (c == '\n') c = '\r';
                    break;
                case 6: s = s + s.substr(0, rng() % s.size()); break;
            }
            write_file((dir / "db/migrations" / (std::to_string(20240101000000LL + f) + "_mutated_case.sql")).string(), s);
        }
        auto a = audit_folder(dir.string());
        ASSERT_TRUE(a.error.empty()) << a.error;
        report::Audit audit{&a.project, &a.facts, &a.result};
        for (auto fmt : {report::Format::Markdown, report::Format::Text, report::Format::Json, report::Format::Sarif,
                         report::Format::Github})
            EXPECT_FALSE(report::render(fmt, {audit}, ro).empty());
    }
    std::filesystem::remove_all(dir);
}

}  // namespace migsafe::test
