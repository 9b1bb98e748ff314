// The store's service records (migration 2): users, API tokens, sessions,
// reviews keyed so they survive reprocessing, the audit trail, idempotency
// keys and deleting a submission (its audit entries stay).
#include <boost/test/unit_test.hpp>

#include "store/sqlite_store.h"
#include "store/engine_db.h"
#include "store/test_store_util.h"

using namespace vareport;
using namespace vareport::store;
using vareport::test::SampleReport;
using vareport::test::TempDir;
using vareport::test::EngineDb;
using vareport::test::kEngines;

namespace {

// One done submission of content `sha`; returns its id.
std::int64_t AddSubmission(Store& db, const std::string& sha) {
  NewJob j;
  j.path = "/in/" + sha.substr(0, 4) + ".docx";
  j.sha256 = sha;
  j.size = 10;
  j.format = "docx";
  BOOST_TEST_REQUIRE(db.Enqueue({j}).ok());
  auto claimed = db.Claim(1, std::nullopt);
  BOOST_TEST_REQUIRE(claimed.ok());
  BOOST_TEST_REQUIRE(claimed->size() == 1u);
  JobResult r;
  r.report = SampleReport(sha, "KHM", 2024);
  BOOST_TEST_REQUIRE(db.CompleteJob(claimed->front().id, r).ok());
  auto id = db.SubmissionForContent(sha);
  BOOST_TEST_REQUIRE(id.ok());
  BOOST_TEST_REQUIRE(id->has_value());
  return **id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(access)

BOOST_DATA_TEST_CASE(users_tokens_and_sessions, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto db = e.Open();
  BOOST_TEST(db->SchemaVersion() == SqliteSchemaVersion());
  auto id = db->AddUser("amina", Role::kReviewer, "$argon2id$hash");
  BOOST_TEST_REQUIRE(id.ok());
  auto again = db->AddUser("amina", Role::kAdmin, "x");
  BOOST_TEST_REQUIRE(!again.ok());
  BOOST_TEST(again.error().message == "user amina exists");
  auto u = db->FindUser("amina");
  BOOST_TEST_REQUIRE(u.ok());
  BOOST_TEST_REQUIRE(u->has_value());
  BOOST_TEST(RoleName((*u)->role) == "reviewer");
  BOOST_TEST((*u)->password_hash == "$argon2id$hash");

  BOOST_TEST_REQUIRE(db->AddToken(*id, "tokhash").ok());
  auto by_token = db->UserByToken("tokhash");
  BOOST_TEST_REQUIRE(by_token.ok());
  BOOST_TEST_REQUIRE(by_token->has_value());
  BOOST_TEST((*by_token)->name == "amina");
  BOOST_TEST(!db->UserByToken("other")->has_value());

  BOOST_TEST_REQUIRE(db->AddSession("sesshash", *id, "csrf1", 2000).ok());
  auto s = db->FindSession("sesshash", 1000);
  BOOST_TEST_REQUIRE(s.ok());
  BOOST_TEST_REQUIRE(s->has_value());
  BOOST_TEST((*s)->csrf == "csrf1");
  BOOST_TEST(!db->FindSession("sesshash", 2000)->has_value());  // expired at 2000

  auto revoked = db->RevokeUser("amina");
  BOOST_TEST_REQUIRE(revoked.ok());
  BOOST_TEST(*revoked);
  BOOST_TEST(!db->UserByToken("tokhash")->has_value());
  BOOST_TEST(!db->FindSession("sesshash", 1000)->has_value());
  BOOST_TEST(!*db->RevokeUser("nobody"));
  auto users = db->ListUsers();
  BOOST_TEST_REQUIRE(users.ok());
  BOOST_TEST_REQUIRE(users->size() == 1u);
  BOOST_TEST(users->front().revoked);
}

BOOST_DATA_TEST_CASE(reviews_survive_reprocessing_and_are_audited, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto db = e.Open();
  const std::string sha(64, 'a');
  const std::int64_t sub = AddSubmission(*db, sha);

  Review d;
  d.submission_id = sub;
  d.target = "finding";
  d.key = "MISSING_ANSWER:coordination:coordination.focal_point";
  d.decision = "dismissed";
  d.note = "answered in annex";
  d.user = "amina";
  BOOST_TEST_REQUIRE(db->PutReview(d, "").ok());
  Review c;
  c.submission_id = sub;
  c.target = "answer";
  c.key = "coordination.focal_point";
  c.value = "no";
  c.user = "amina";
  BOOST_TEST_REQUIRE(db->PutReview(c, "yes").ok());
  d.decision = "confirmed";
  auto second = db->PutReview(d, "dismissed");
  BOOST_TEST_REQUIRE(second.ok());
  BOOST_TEST(*second->decision == "confirmed");
  BOOST_TEST(!second->at.empty());

  // Reprocess: the rows are replaced, the reviews stay.
  auto jobs = db->EnqueueReprocess({sub});
  BOOST_TEST_REQUIRE(jobs.ok());
  auto claimed = db->Claim(1, std::nullopt);
  BOOST_TEST_REQUIRE(claimed.ok());
  JobResult r;
  r.report = SampleReport(sha, "KHM", 2024);
  BOOST_TEST_REQUIRE(db->CompleteJob(claimed->front().id, r).ok());
  auto reviews = db->ListReviews(sub);
  BOOST_TEST_REQUIRE(reviews.ok());
  BOOST_TEST_REQUIRE(reviews->size() == 2u);  // one current record per key
  BOOST_TEST(reviews->at(0).target == "answer");
  BOOST_TEST(*reviews->at(0).value == "no");
  BOOST_TEST(*reviews->at(1).decision == "confirmed");

  auto audit = db->ListAudit(sub);
  BOOST_TEST_REQUIRE(audit.ok());
  BOOST_TEST_REQUIRE(audit->size() == 3u);
  BOOST_TEST(audit->at(1).action == "correction");
  BOOST_TEST(audit->at(1).before == "yes");
  BOOST_TEST(audit->at(1).after == "no");
  BOOST_TEST(audit->at(2).before == "dismissed");
  BOOST_TEST(audit->at(2).after == "confirmed");
}

BOOST_DATA_TEST_CASE(delete_keeps_the_audit_and_frees_the_content, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto db = e.Open();
  const std::string sha(64, 'b');
  const std::int64_t sub = AddSubmission(*db, sha);
  auto job = db->FindIngestJob("/in/bbbb.docx", sha);
  BOOST_TEST_REQUIRE(job.ok());
  BOOST_TEST_REQUIRE(job->has_value());
  BOOST_TEST_REQUIRE(db->SetIdempotencyKey("key-1", (*job)->id).ok());
  BOOST_TEST(**db->FindIdempotencyKey("key-1") == (*job)->id);
  Review d;
  d.submission_id = sub;
  d.target = "finding";
  d.key = "X:-:-";
  d.decision = "confirmed";
  d.user = "amina";
  BOOST_TEST_REQUIRE(db->PutReview(d, "").ok());

  auto gone = db->DeleteSubmission(sub, "root");
  BOOST_TEST_REQUIRE(gone.ok());
  BOOST_TEST(*gone);
  BOOST_TEST(!db->LoadSubmission(sub)->has_value());
  BOOST_TEST(!db->SubmissionForContent(sha)->has_value());
  BOOST_TEST(!db->FindIngestJob("/in/bbbb.docx", sha)->has_value());
  BOOST_TEST(!db->FindIdempotencyKey("key-1")->has_value());
  BOOST_TEST(db->ListReviews(sub)->empty());
  auto audit = db->ListAudit(sub);
  BOOST_TEST_REQUIRE(audit.ok());
  BOOST_TEST_REQUIRE(audit->size() == 2u);
  BOOST_TEST(audit->back().action == "delete");
  BOOST_TEST(audit->back().user == "root");
  BOOST_TEST(!*db->DeleteSubmission(sub, "root"));
  // The same content can come again as a new submission.
  BOOST_TEST(AddSubmission(*db, sha) > 0);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
