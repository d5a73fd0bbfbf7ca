#include "pages.hpp"

std::vector<std::uint32_t> numbered_pages(std::uint32_t pages, std::uint32_t page_words) {
    std::vector<std::uint32_t> words(pages * page_words);
    for (std::uint32_t p = 0; p < pages; ++p)
        for (std::uint32_t w = 0; w < page_words; ++w) words[p * page_words + w] = p * 1000 + w;
    return words;
}
