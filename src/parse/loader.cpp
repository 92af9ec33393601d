#include "parse/loader.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "parse/config/migsafe_toml.hpp"
#include "parse/knex/knexfile.hpp"
#include "parse/knex/migration.hpp"
#include "parse/sql/transform.hpp"
#include "util/fs.hpp"

namespace fs = std::filesystem;

namespace migsafe {

bool runs_in_transaction(const MigrationFile& f, Section section, int pg_version) {
    for (const auto& u : f.units)
        if (u.section == section && !u.transactional && !u.single_query) return false;
    for (const auto& op : f.ops)
        if (op.section == section && refuses_transaction(op, pg_version)) return false;
    return true;
}

const std::string& Project::file_path(int index) const {
    static const std::string none;
    if (index < 0 || index >= static_cast<int>(files.size())) return none;
    return files[index].path;
}

namespace {

const std::set<std::string> kSkipDirs = {".git", "node_modules", "build", "dist", "target", "vendor",
                                         ".venv", "venv", "__pycache__", ".idea", ".vscode", "coverage"};

const std::regex kNumbered(R"(^(\d+)[_-](.+)\.sql$)");
const std::regex kGolang(R"(^(\d+)_(.+)\.(up|down)\.sql$)");
const std::regex kFlyway(R"(^([VU])(\d[\d._]*)__(.+)\.sql$)");
const std::regex kFlywayRepeatable(R"(^R__(.+)\.sql$)");
// dbmate's own rule: the marker starts the line.
const std::regex kDbmateMarker(R"(^--\s*migrate:(up|down)(\s*|\s+\S.*)$)");
const std::regex kIgnore(R"((--|//)\s*migsafe:ignore\s+([A-Za-z0-9_-]+)\s*(.*?)\s*$)");
const std::regex kKnexMigration(R"(^(\d+)[_-](.+)\.(ts|js|cjs|mjs)$)");

bool in_migrations_folder(const std::string& rel) {
    return rel.find("migration") != std::string::npos || rel.find("migrate") != std::string::npos;
}

bool looks_like_migration(const std::string& rel) {
    std::string name = fs::path(rel).filename().string();
    if (fs::path(rel).extension() != ".sql") return false;
    return std::regex_match(name, kNumbered) || std::regex_match(name, kFlyway) ||
           std::regex_match(name, kFlywayRepeatable) || in_migrations_folder(fs::path(rel).parent_path().string());
}

std::string parent_of(const std::string& rel) {
    auto p = fs::path(rel).parent_path().generic_string();
    return p.empty() ? "." : p;
}

AuxFile::Kind classify_aux(const std::string& rel) {
    std::string name = fs::path(rel).filename().string();
    std::string lname = name;
    std::transform(lname.begin(), lname.end(), lname.begin(), ::tolower);
    if (rel == "package.json") return AuxFile::Kind::PackageJson;
    if (lname == "makefile" || lname == "justfile" || lname == "taskfile.yml" || lname == "gnumakefile")
        return AuxFile::Kind::Makefile;
    if (rel.rfind(".github/workflows/", 0) == 0 || rel == ".gitlab-ci.yml" || rel.rfind(".ci/", 0) == 0 ||
        name == "Jenkinsfile" || rel == ".circleci/config.yml" || rel == "bitbucket-pipelines.yml" ||
        rel == "azure-pipelines.yml" || rel == ".drone.yml")
        return AuxFile::Kind::Ci;
    if (lname.rfind("readme", 0) == 0 || lname == "migrations.md" || lname.rfind("runbook", 0) == 0 ||
        (rel.rfind("docs/", 0) == 0 && (lname.ends_with(".md") || lname.ends_with(".rst") || lname.ends_with(".txt"))))
        return AuxFile::Kind::Doc;
    if (lname == ".env" || lname.rfind(".env.", 0) == 0) return AuxFile::Kind::Env;
    if (lname.ends_with(".sh") || lname.ends_with(".bash") || rel.rfind("scripts/", 0) == 0 || rel.rfind("bin/", 0) == 0)
        return AuxFile::Kind::Script;
    if (lname == "docker-compose.yml" || lname == "docker-compose.yaml" || lname == "compose.yml" ||
        lname == "compose.yaml" || lname == "dockerfile" || lname == "procfile" || lname.ends_with(".toml") ||
        lname.ends_with(".yml") || lname.ends_with(".yaml"))
        return AuxFile::Kind::Other;
    return static_cast<AuxFile::Kind>(-1);
}

// Orders versions: numeric prefixes by value, then by text.
std::vector<std::string> version_parts(const std::string& v) {
    std::vector<std::string> parts;
    std::string cur;
    for (char c : v) {
        if (std::isdigit(static_cast<unsigned char>(c))) cur += c;
        else if (!cur.empty()) {
            parts.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) parts.push_back(cur);
    for (auto& p : parts) {
        p.erase(0, std::min(p.find_first_not_of('0'), p.size() - 1));
    }
    return parts;
}

bool version_less(const MigrationFile& a, const MigrationFile& b) {
    bool ra = a.prefix == "R", rb = b.prefix == "R";
    if (ra != rb) return rb;
    auto pa = version_parts(a.prefix), pb = version_parts(b.prefix);
    for (size_t i = 0; i < std::min(pa.size(), pb.size()); ++i) {
        if (pa[i].size() != pb[i].size()) return pa[i].size() < pb[i].size();
        if (pa[i] != pb[i]) return pa[i] < pb[i];
    }
    if (pa.size() != pb.size()) return pa.size() < pb.size();
    return a.path < b.path;
}

void find_suppressions(const SourceText& src, int file, bool down_file, std::vector<Suppression>& out) {
    const std::string& text = src.text();
    if (text.find("migsafe:ignore") == std::string::npos) return;
    for (int line = 1; line <= src.line_count(); ++line) {
        std::string l(src.line(line));
        std::smatch m;
        if (l.find("migsafe:ignore") == std::string::npos || !std::regex_search(l, m, kIgnore)) continue;
        Suppression s;
        s.file = file;
        s.down_file = down_file;
        s.line = line;
        s.check_id = m[2].str();
        s.reason = m[3].str();
        // Applies to the next line holding code (comment lines and blank lines are skipped).
        int target = line + 1;
        while (target <= src.line_count()) {
            std::string t(src.line(target));
            auto first = t.find_first_not_of(" \t");
            if (first == std::string::npos || t.compare(first, 2, "--") == 0 || t.compare(first, 2, "//") == 0) {
                ++target;
                continue;
            }
            break;
        }
        s.target_line = target;
        out.push_back(std::move(s));
    }
}

struct Section {
    migsafe::Section section;
    size_t begin, end;
    int marker_line;
    std::string marker;
    bool transactional;
};

// The sections dbmate runs: the first "-- migrate:up" and the first "-- migrate:down" marker
// (later ones are ordinary comments). What dbmate refuses becomes a parse error.
std::vector<Section> dbmate_sections(const SourceText& src, int file, std::vector<ParseError>& errors) {
    std::vector<Section> markers;
    for (int line = 1; line <= src.line_count(); ++line) {
        std::string l(src.line(line));
        std::smatch m;
        if (l.find("migrate:") == std::string::npos || !std::regex_match(l, m, kDbmateMarker)) continue;
        Section s;
        s.section = m[1].str() == "up" ? migsafe::Section::Up : migsafe::Section::Down;
        s.begin = line < src.line_count() ? src.line_start(line + 1) : src.text().size();
        s.end = src.text().size();
        s.marker_line = line;
        s.marker = l;
        static const std::regex no_tx(R"(transaction\s*:\s*false)");
        s.transactional = !std::regex_search(m[2].str(), no_tx);
        markers.push_back(s);
    }
    auto error = [&](int line, std::string msg) {
        ParseError e;
        e.loc = {file, line, 1, false};
        e.message = std::move(msg);
        errors.push_back(std::move(e));
    };
    const Section* up = nullptr;
    const Section* down = nullptr;
    for (const auto& m : markers) {
        const Section*& first = m.section == migsafe::Section::Up ? up : down;
        if (!first) first = &m;
        else
            error(m.marker_line, "dbmate uses only the first '-- migrate:" + std::string(m.section == migsafe::Section::Up ? "up" : "down") +
                                     "' marker: this one is an ordinary comment and its options are ignored");
    }
    if (!up) {
        error(1, "dbmate requires each migration to define an up block with '-- migrate:up'");
        return {};
    }
    if (!down) {
        int last = src.line_count();
        while (last > 1 && src.line(last).find_first_not_of(" \t") == std::string_view::npos) --last;
        error(last, "dbmate requires each migration to define a down block with '-- migrate:down'");
    }
    if (down && down->marker_line < up->marker_line) {
        error(down->marker_line, "dbmate requires '-- migrate:up' to appear before '-- migrate:down'");
        return {};
    }
    // Nothing but blank lines and comments may precede the up block.
    size_t first_code = sql::skip_space_and_comments(src.text(), 0, src.line_start(up->marker_line));
    if (first_code < src.line_start(up->marker_line))
        error(src.locate(first_code).line, "dbmate does not support statements preceding the '-- migrate:up' block");
    std::vector<Section> out;
    Section u = *up;
    if (down) u.end = src.line_start(down->marker_line);
    out.push_back(u);
    if (down) out.push_back(*down);
    return out;
}

bool blank_sql(const std::string& text, size_t begin, size_t end) {
    return sql::skip_space_and_comments(text, begin, end) >= end;
}

void parse_file(sql::Parser& parser, Project& project, int index) {
    if (project.layout == Layout::Knex) {
        knex::parse_migration(parser, project, index);
        return;
    }
    MigrationFile& f = project.files[index];
    auto add_chunk = [&](const SourceText& src, size_t b, size_t e, migsafe::Section sec, int unit, bool down_file) {
        sql::Chunk c;
        c.source = &src;
        c.begin = b;
        c.end = e;
        c.section = sec;
        c.unit = unit;
        c.file = index;
        c.down_file = down_file;
        int n = sql::parse_chunk(parser, c, f.ops, f.errors);
        (sec == migsafe::Section::Up ? f.up_statement_count : f.down_statement_count) += n;
    };
    const std::string& text = f.source.text();
    bool runner = project.config.present;
    if (project.layout == Layout::Dbmate) {
        auto sections = dbmate_sections(f.source, index, f.errors);
        for (auto& s : sections) {
            Unit u;
            u.section = s.section;
            u.transactional = s.transactional;
            u.single_query = !runner;  // dbmate sends a section as one query string
            u.start_line = s.marker_line;
            u.marker = s.marker;
            u.begin = s.begin;
            u.end = s.end;
            int unit = static_cast<int>(f.units.size());
            f.units.push_back(u);
            bool empty = blank_sql(text, s.begin, s.end);
            if (s.section == migsafe::Section::Up) f.has_up = f.has_up || !empty;
            else f.has_down = f.has_down || !empty;
            if (!empty) add_chunk(f.source, s.begin, s.end, s.section, unit, false);
        }
        return;
    }
    Unit up;
    up.section = migsafe::Section::Up;
    up.start_line = 1;
    // Flyway wraps each migration in a transaction; golang-migrate and plain runners send the
    // file as one query string (one implicit transaction).
    up.transactional = project.layout == Layout::Flyway;
    up.single_query = project.layout != Layout::Flyway;
    up.begin = 0;
    up.end = text.size();
    f.units.push_back(up);
    f.has_up = !blank_sql(text, 0, text.size());
    if (f.has_up) add_chunk(f.source, 0, text.size(), migsafe::Section::Up, 0, false);
    if (!f.down_path.empty()) {
        Unit down = up;
        down.section = migsafe::Section::Down;
        down.down_file = true;
        down.begin = 0;
        down.end = f.down_source.text().size();
        f.units.push_back(down);
        const std::string& dt = f.down_source.text();
        f.has_down = !blank_sql(dt, 0, dt.size());
        if (f.has_down) add_chunk(f.down_source, 0, dt.size(), migsafe::Section::Down, 1, true);
    }
}

Result<bool> read_sum_file(Project& project, const fs::path& root) {
    auto p = root / "migsafe.sum";
    if (!fs::exists(p)) return true;
    auto text = read_text_file(p.string());
    if (!text) return text.error();
    project.sum_path = "migsafe.sum";
    SourceText src(*text);
    for (int line = 1; line <= src.line_count(); ++line) {
        std::string l(src.line(line));
        if (l.empty() || l[0] == '#') continue;
        auto sp = l.find_first_of(" \t");
        if (sp != 64) return Error{"migsafe.sum", line, "expected '<sha256>  <path>'"};
        auto path = l.substr(l.find_first_not_of(" \t", sp));
        project.recorded_sums[path] = l.substr(0, 64);
    }
    return true;
}

}  // namespace

Result<Project> load_project(const std::string& root_arg, const LoadOptions& options) {
    Project project;
    project.root = root_arg;
    fs::path root(root_arg);
    std::error_code ec;
    if (!fs::exists(root, ec)) return Error{root_arg, 0, "no such directory"};
    if (!fs::is_directory(root, ec)) return Error{root_arg, 0, "not a directory (give the project folder)"};

    // Configuration first: it may name the layout and the directory.
    auto toml_path = options.config.empty() ? root / "migsafe.toml" : fs::path(options.config);
    if (!options.config.empty() && !fs::exists(toml_path)) return Error{options.config, 0, "no such configuration file"};
    if (fs::exists(toml_path)) {
        auto text = read_text_file(toml_path.string());
        if (!text) return text.error();
        auto cfg = config::parse_migsafe_toml(*text, "migsafe.toml");
        if (!cfg) {
            Error e = cfg.error();
            e.file = options.config.empty() ? (fs::path(root_arg) / "migsafe.toml").generic_string() : options.config;
            return e;
        }
        project.config = std::move(*cfg);
    }

    // Walk the tree once.
    std::vector<std::string> sql_candidates;
    std::vector<std::string> all_files;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto& entry = *it;
        std::string name = entry.path().filename().string();
        if (entry.is_directory(ec)) {
            if (kSkipDirs.count(name)) it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file(ec)) continue;
        std::string rel = fs::relative(entry.path(), root, ec).generic_string();
        all_files.push_back(rel);
    }
    std::sort(all_files.begin(), all_files.end());
    std::vector<std::string> js_candidates;
    std::string knexfile_rel;
    static const std::regex knexfile_name(R"(^knexfile\.(ts|js|cjs|mjs)$)");
    for (const auto& rel : all_files) {
        std::string name = fs::path(rel).filename().string();
        if (std::regex_match(name, knexfile_name) &&
            (knexfile_rel.empty() || std::count(rel.begin(), rel.end(), '/') < std::count(knexfile_rel.begin(), knexfile_rel.end(), '/')))
            knexfile_rel = rel;
        bool script = name.ends_with(".ts") || name.ends_with(".js") || name.ends_with(".cjs") || name.ends_with(".mjs");
        if (script && !name.ends_with(".d.ts") && !std::regex_match(name, knexfile_name) &&
            (std::regex_match(name, kKnexMigration) || in_migrations_folder(parent_of(rel))))
            js_candidates.push_back(rel);
    }
    bool sql_layout_configured = project.config.layout && *project.config.layout != Layout::Knex;
    bool knex = !sql_layout_configured &&
                ((project.config.layout && *project.config.layout == Layout::Knex) || !knexfile_rel.empty());
    if (knex && !knexfile_rel.empty()) {
        auto text = read_text_file((root / knexfile_rel).string());
        if (!text) return text.error();
        Config kc = knex::read_knexfile(*text, knexfile_rel);
        if (project.config.present) {  // migsafe.toml keeps [audit] and [checks]
            kc.checks = project.config.checks;
            kc.pg_version = project.config.pg_version;
            kc.tenant_column = project.config.tenant_column;
            kc.preexisting_tables = project.config.preexisting_tables;
            kc.suggested_lock_timeout = project.config.suggested_lock_timeout;
            kc.service = project.config.service;
        }
        // knex resolves migrations.directory against the knexfile's folder.
        std::string dir = kc.directory;
        if (dir.find("${") != std::string::npos) {  // path.join(__dirname, 'migrations')
            std::smatch m;
            dir = std::regex_search(dir, m, std::regex(R"(['"]([^'"]+)['"]\)?\}$)")) ? m[1].str() : "";
        }
        if (!dir.empty()) {
            auto base = fs::path(knexfile_rel).parent_path();
            kc.directory = (base / dir).lexically_normal().generic_string();
        }
        project.config = std::move(kc);
    }
    for (const auto& rel : all_files) {
        if (!knex && looks_like_migration(rel)) sql_candidates.push_back(rel);
        if (rel == "tsconfig.json") project.has_tsconfig = true;
        auto kind = classify_aux(rel);
        if (static_cast<int>(kind) >= 0) {
            auto text = read_text_file((root / rel).string());
            if (!text) return text.error();
            if (text->size() > 4 * 1024 * 1024) continue;
            project.aux.push_back(AuxFile{kind, rel, SourceText(std::move(*text))});
        }
    }

    if (knex) {
        sql_candidates = js_candidates;
        project.layout = Layout::Knex;
        if (project.config.directory.empty() && sql_candidates.empty()) project.config.directory = "migrations";
    }
    // The migrations directory: configured, else the folder holding the most migrations.
    if (!project.config.directory.empty()) {
        project.migrations_dir = fs::path(project.config.directory).lexically_normal().generic_string();
        while (!project.migrations_dir.empty() && project.migrations_dir.back() == '/') project.migrations_dir.pop_back();
        project.migrations_dir_exists = fs::is_directory(root / project.migrations_dir, ec);
    } else {
        std::map<std::string, int> counts;
        for (const auto& rel : sql_candidates) counts[parent_of(rel)]++;
        int best = 0;
        for (const auto& [dir, n] : counts)
            if (n > best || (n == best && dir.size() < project.migrations_dir.size())) {
                best = n;
                project.migrations_dir = dir;
            }
        if (project.migrations_dir.empty()) project.migrations_dir = ".";
    }
    const std::string& dir = project.migrations_dir;
    auto in_dir = [&](const std::string& rel, bool recursive) {
        std::string parent = parent_of(rel);
        if (parent == dir) return true;
        return recursive && (dir == "." || parent.rfind(dir + "/", 0) == 0);
    };

    // Layout: configured, else detected from the files in the directory.
    std::vector<std::string> in_files;
    for (const auto& rel : sql_candidates) if (in_dir(rel, true)) in_files.push_back(rel);
    if (knex) {
        // decided above
    } else if (project.config.layout) {
        project.layout = *project.config.layout;
    } else {
        bool golang = false, flyway = false, dbmate = false;
        for (const auto& rel : in_files) {
            std::string name = fs::path(rel).filename().string();
            if (std::regex_match(name, kGolang)) golang = true;
            else if (std::regex_match(name, kFlyway) || std::regex_match(name, kFlywayRepeatable)) flyway = true;
        }
        if (!golang && !flyway) {
            for (const auto& rel : in_files) {
                if (!in_dir(rel, false)) continue;
                auto text = read_text_file((root / rel).string());
                static const std::regex up_marker(R"((^|\n)--[ \t]*migrate:up)");
                if (text && text->find("migrate:up") != std::string::npos && std::regex_search(*text, up_marker)) {
                    dbmate = true;
                    break;
                }
            }
        }
        project.layout = golang ? Layout::GolangMigrate : flyway ? Layout::Flyway : dbmate ? Layout::Dbmate
                        : project.config.present ? Layout::Dbmate : Layout::Plain;
    }
    project.flavour = project.layout == Layout::Knex ? Flavour::Knex : Flavour::Sql;
    bool recursive = project.layout == Layout::Flyway;

    // Service name: --service, migsafe.toml, package.json "name", folder name.
    project.name = options.service;
    if (project.name.empty()) project.name = project.config.service;
    if (project.name.empty()) {
        for (const auto& a : project.aux) {
            if (a.kind != AuxFile::Kind::PackageJson) continue;
            std::smatch m;
            const std::string& t = a.source.text();
            if (std::regex_search(t, m, std::regex(R"re("name"\s*:\s*"([^"]+)")re"))) project.name = m[1].str();
        }
    }
    if (project.name.empty()) project.name = fs::absolute(root).lexically_normal().filename().string();
    if (project.name.empty()) project.name = fs::absolute(root).lexically_normal().parent_path().filename().string();

    // Migration files.
    std::map<std::string, MigrationFile> by_key;  // golang/flyway pairs
    for (const auto& rel : sql_candidates) {
        if (!in_dir(rel, recursive)) {
            project.stray_migrations.push_back(rel);
            continue;
        }
        std::string name = fs::path(rel).filename().string();
        std::smatch m;
        MigrationFile f;
        f.extension = ".sql";
        bool down = false;
        std::string key;
        if (project.layout == Layout::Knex) {
            f.extension = fs::path(name).extension().string();
            if (std::regex_match(name, m, kKnexMigration)) {
                f.prefix = m[1].str();
                f.name = m[2].str();
            } else {
                f.name = fs::path(name).stem().string();
            }
            key = rel;
        } else if (project.layout == Layout::GolangMigrate && std::regex_match(name, m, kGolang)) {
            f.prefix = m[1].str();
            f.name = m[2].str();
            down = m[3].str() == "down";
            key = f.prefix + "_" + f.name;
        } else if (project.layout == Layout::Flyway && std::regex_match(name, m, kFlyway)) {
            f.prefix = "V" + m[2].str();
            f.name = m[3].str();
            down = m[1].str() == "U";
            key = m[2].str();
        } else if (project.layout == Layout::Flyway && std::regex_match(name, m, kFlywayRepeatable)) {
            f.prefix = "R";
            f.name = m[1].str();
            key = "R__" + f.name;
        } else if (std::regex_match(name, m, kNumbered)) {
            f.prefix = m[1].str();
            f.name = m[2].str();
            key = rel;
            if (project.layout == Layout::GolangMigrate) {
                project.stray_migrations.push_back(rel);
                continue;
            }
        } else {
            f.name = fs::path(name).stem().string();
            key = rel;
        }
        auto text = read_text_file((root / rel).string());
        if (!text) return text.error();
        project.actual_sums[rel] = sha256_hex(*text);
        auto& slot = by_key[key];
        if (down) {
            slot.down_path = rel;
            slot.down_source = SourceText(std::move(*text));
            if (slot.name.empty()) {
                slot.prefix = f.prefix;
                slot.name = f.name;
                slot.extension = f.extension;
            }
        } else {
            f.path = rel;
            f.source = SourceText(std::move(*text));
            f.down_path = slot.down_path;
            f.down_source = std::move(slot.down_source);
            slot = std::move(f);
        }
    }
    for (auto& [key, f] : by_key) {
        if (f.path.empty()) {
            // A down file without its up file.
            project.stray_migrations.push_back(f.down_path);
            continue;
        }
        project.files.push_back(std::move(f));
    }
    std::sort(project.files.begin(), project.files.end(), version_less);

    // Parse in parallel: files are independent.
    int n = static_cast<int>(project.files.size());
    int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::max(1, std::min(threads, n));
    std::atomic<int> next{0};
    auto worker = [&]() {
        sql::Parser parser;
        for (int i = next++; i < n; i = next++) parse_file(parser, project, i);
    };
    if (threads <= 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
    }
    for (int i = 0; i < n; ++i) {
        find_suppressions(project.files[i].source, i, false, project.suppressions);
        if (!project.files[i].down_path.empty())
            find_suppressions(project.files[i].down_source, i, true, project.suppressions);
    }
    auto sums = read_sum_file(project, root);
    if (!sums) return sums.error();
    return project;
}

}  // namespace migsafe
