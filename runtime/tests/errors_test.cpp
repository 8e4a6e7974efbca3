// awl/errors.hpp: the exception types and describe().
#include "test_support.hpp"

namespace {

TEST(Errors, NoEventLoopErrorIsALogicErrorNamingTheOperation) {
  awl::NoEventLoopError error("awl::something");
  const std::logic_error& as_logic = error;
  EXPECT_STREQ(as_logic.what(), "awl: awl::something needs an awl::EventLoop on this thread (construct one first)");
}

TEST(Errors, AggregateErrorKeepsTheReasonsInOrder) {
  awl::AggregateError error(
      {std::make_exception_ptr(awl_test::Tagged(1)), std::make_exception_ptr(awl_test::Tagged(2))});
  EXPECT_STREQ(error.what(), "All promises were rejected");
  ASSERT_EQ(error.errors().size(), 2U);
  EXPECT_EQ(awl_test::tag_of(error.errors()[0]), 1);
  EXPECT_EQ(awl_test::tag_of(error.errors()[1]), 2);
}

TEST(Errors, DescribeHandlesEveryKindOfReason) {
  EXPECT_EQ(awl::describe(std::make_exception_ptr(std::runtime_error("boom"))), "boom");
  EXPECT_EQ(awl::describe(std::make_exception_ptr(42)), "(a non-std::exception reason)");
  EXPECT_EQ(awl::describe(nullptr), "(no reason)");
}

TEST(Errors, UnhandledRejectionErrorNamesTheReason) {
  auto reason = std::make_exception_ptr(std::runtime_error("disk full"));
  awl::UnhandledRejectionError error(reason);
  EXPECT_STREQ(error.what(), "awl: unhandled promise rejection: disk full");
  EXPECT_EQ(error.reason(), reason);
}

}  // namespace
