// Page helpers shared by the program's executables.
#pragma once

#include <cstdint>
#include <vector>

// `pages` pages of `page_words` words; word w of page p holds p * 1000 + w.
std::vector<std::uint32_t> numbered_pages(std::uint32_t pages, std::uint32_t page_words);
