// The Boost.Test main of vareport_tests. Suites live in one file per source
// file; run one with `vareport_tests --run_test=SUITE`.
#define BOOST_TEST_MODULE vareport
#include <boost/test/unit_test.hpp>
