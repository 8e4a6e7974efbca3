// The order service's checkout handler.
#pragma once

#include "shop/backend.hpp"

#include <string>

namespace shop {

struct CheckoutRequest {
  std::string user;
  std::string password;
};

struct Receipt {
  std::string payment;
  std::string reservation;
  std::string ship_to;
  int charged_cents = 0;
};

awl::Promise<Receipt> checkout(CheckoutRequest request);  // checkout/checkout.cpp

}  // namespace shop
