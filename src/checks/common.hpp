// Helpers shared by checks: evidence builders, text search in aux files, fix snippets.
#pragma once
#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "analysis/facts.hpp"
#include "model/check.hpp"
#include "model/project.hpp"

namespace migsafe::checks {

Evidence at(const Operation& op, std::string message, Weight weight = Weight::Fail);
Evidence at_file(const Project& p, int file, int line, std::string message, Weight weight = Weight::Fail);
Evidence at_path(std::string path, int line, std::string message, Weight weight = Weight::Info);
Evidence info(std::string message);

// "ALTER TABLE users ADD COLUMN ..." cut to one line of at most `max` characters.
std::string excerpt(const Operation& op, size_t max = 70);
std::string file_name(const Project& p, const Location& loc);  // the path of loc's file
std::string where(const Project& p, const Location& loc);      // "path:line"

bool is_knex(const Project& p);
// A fenced code block in the project's flavour.
std::string code(const Project& p, const std::string& sql, const std::string& knex = "");
// The first `n` items, then "(+k more)".
std::string list_some(const std::vector<std::string>& items, size_t n = 3);
std::string plural(int n, const std::string& word);  // "1 table", "3 tables"

// Every up (or down) op of every file, with its file index and op index.
void each_op(const Project& p, const std::function<void(int file, int index, const Operation&)>& f);

struct Hit {
    std::string path;
    int line = 0;
    std::string text;  // the whole line, trimmed
};
// Lines of aux files of the given kinds matching `re` (doc files: only inside code fences
// or lines starting with "$ ", when `commands_only`).
std::vector<Hit> grep_aux(const Project& p, std::initializer_list<AuxFile::Kind> kinds, const std::regex& re,
                          bool commands_only = false);

// The lines of one aux file as grep_aux sees them (Makefile variables expanded).
std::vector<std::string> grep_aux_lines(const Project& p, const AuxFile& a);

std::string suggested_timeout(const Project& p);
// Replaces every `from` in text by `to` (placeholders in fix snippets -> the project's real names).
std::string replace_all(std::string text, const std::string& from, const std::string& to);

// Regexes for migration commands across runners (knex, migsafe, dbmate, golang-migrate, flyway, goose, sqitch).
const std::regex& migrate_command_re();
const std::regex& rollback_command_re();
const std::regex& status_command_re();

}  // namespace migsafe::checks
