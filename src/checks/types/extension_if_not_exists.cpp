// extension-if-not-exists: CREATE EXTENSION IF NOT EXISTS, and extension functions used only after it.
#include <map>

#include "checks/common.hpp"

namespace migsafe {

Outcome check_extension_if_not_exists(const Project& p, const Facts& facts) {
    Outcome o;
    // function -> extension that provides it
    std::map<std::string, std::string> provides = {
        {"uuid_generate_v4", "uuid-ossp"}, {"uuid_generate_v1", "uuid-ossp"}, {"uuid_generate_v1mc", "uuid-ossp"},
        {"crypt", "pgcrypto"}, {"gen_salt", "pgcrypto"}, {"digest", "pgcrypto"}, {"hmac", "pgcrypto"}};
    if (facts.pg_version < 13) provides["gen_random_uuid"] = "pgcrypto";
    int relevant = 0;
    std::map<std::string, bool> created;  // extension -> created so far
    checks::each_op(p, [&](int, int, const Operation& op) {
        if (op.section != Section::Up) return;
        if (op.kind == OpKind::CreateExtension) {
            ++relevant;
            created[op.name] = true;
            if (!op.if_not_exists)
                o.add(checks::at(op, "CREATE EXTENSION " + op.name + " without IF NOT EXISTS fails where it is installed"));
            return;
        }
        std::vector<std::string> calls = op.functions_called;
        for (const auto& c : op.column_defs)
            if (c.default_text.size() > 2) calls.push_back(c.default_text.substr(0, c.default_text.size() - 2));
        for (const auto& f : calls) {
            auto it = provides.find(f);
            if (it == provides.end()) continue;
            ++relevant;
            if (!created.count(it->second)) {
                o.add(checks::at(op, f + "() is used before any migration creates extension " + it->second));
                created[it->second] = true;  // report once per extension
            }
        }
    });
    if (relevant == 0) {
        o.not_applicable = true;
        o.summary = "No extensions";
        return o;
    }
    std::vector<std::string> names;
    for (const auto& [n, v] : created) names.push_back(n);
    o.summary = names.empty() ? "IF NOT EXISTS" : checks::list_some(names, 3) + " extension";
    o.fix = checks::code(p, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";", "await knex.raw('CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"');");
    return o;
}

}  // namespace migsafe
