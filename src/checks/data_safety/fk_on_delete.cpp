// fk-on-delete: foreign keys RESTRICT / NO ACTION unless the child rows belong to the parent.
#include <regex>

#include "checks/common.hpp"

namespace migsafe {
namespace {

std::string singular(std::string t) {
    auto dot = t.rfind('.');
    if (dot != std::string::npos) t = t.substr(dot + 1);
    if (t.size() > 3 && t.ends_with("ies")) return t.substr(0, t.size() - 3) + "y";
    if (t.size() > 2 && t.ends_with("es") && (t.ends_with("sses") || t.ends_with("xes"))) return t.substr(0, t.size() - 2);
    if (t.size() > 1 && t.ends_with("s")) return t.substr(0, t.size() - 1);
    return t;
}

// Child rows are owned by the parent when the child is named after it: ticket_bundle_items
// belongs to ticket_bundles, order_lines to orders.
bool owned(const std::string& child, const std::string& parent) {
    std::string s = singular(parent);
    std::string c = child;
    auto dot = c.rfind('.');
    if (dot != std::string::npos) c = c.substr(dot + 1);
    return c.rfind(s + "_", 0) == 0;
}

const std::regex& identity_table() {
    static const std::regex re(R"((^|_)(tenant|tenants|user|users|account|accounts|organization|organizations|organisation|organisations|org|orgs|customer|customers|member|members)$)");
    return re;
}
const std::regex& financial_table() {
    static const std::regex re(R"((order|payment|refund|invoice|transaction|ledger|audit|charge|payout|billing|purchase|receipt|settlement|transfer|subscription))");
    return re;
}

}  // namespace

Outcome check_fk_on_delete(const Project& p, const Facts&) {
    Outcome o;
    int total = 0, cascade = 0;
    checks::each_op(p, [&](int, int, const Operation& op) {
        if (op.section != Section::Up) return;
        auto visit = [&](const Constraint& c, const std::string& child) {
            if (c.type != ConstraintType::ForeignKey) return;
            ++total;
            if (c.on_delete != 'c') return;
            ++cascade;
            std::string parent = c.ref_table;
            std::string col = c.columns.empty() ? "" : c.columns[0];
            if (std::regex_search(parent, identity_table()) && std::regex_search(child, financial_table())) {
                Evidence e = checks::at(op, child + "." + col + " ON DELETE CASCADE from " + parent +
                                                ": deleting a " + singular(parent) + " deletes " + child + " rows");
                if (c.loc.line) e.loc.line = c.loc.line, e.loc.column = c.loc.column;
                o.add(e);
            } else if (!owned(child, parent)) {
                Evidence e = checks::at(op, child + "." + col + " ON DELETE CASCADE from " + parent, Weight::Partial);
                if (c.loc.line) e.loc.line = c.loc.line, e.loc.column = c.loc.column;
                o.add(e);
            }
        };
        for (const auto& c : op.constraints) visit(c, op.table);
        if (op.kind == OpKind::AddColumn)
            for (const auto& col : op.column_defs)
                for (const auto& c : col.constraints) visit(c, op.table);
    });
    if (total == 0) {
        o.not_applicable = true;
        o.summary = "No foreign keys";
        return o;
    }
    o.summary = cascade ? "CASCADE only where the parent owns the rows" : "RESTRICT / NO ACTION (" + checks::plural(total, "FK") + ")";
    o.fix = "Keep history when a parent goes away: use RESTRICT (or SET NULL) for financial and audit rows:\n" +
            checks::code(p, "ALTER TABLE child DROP CONSTRAINT child_parent_id_fkey;\n"
                            "ALTER TABLE child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id)\n"
                            "  REFERENCES parent (id) ON DELETE RESTRICT NOT VALID;",
                         "table.uuid('parent_id').references('id').inTable('parent').onDelete('RESTRICT');");
    return o;
}

}  // namespace migsafe
