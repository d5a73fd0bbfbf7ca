# Makes the Metalium emulator usable from a CMakeLists.txt (e.g. an emitted program directory):
#
#   set(TT_EMULATOR_DIR /path/to/emulator)             # source dir (holds include/)
#   set(TT_EMULATOR_LIB_DIR /path/to/build/lib)        # dir holding libttemu.so
#   include(${TT_EMULATOR_DIR}/cmake/TTEmulator.cmake)
#   add_executable(host host.cpp)
#   target_link_libraries(host PRIVATE ttemu::ttemu)   # headers + library + build rpath
#
# Inside the project that add_subdirectory()s the emulator, ttemu::ttemu already exists and this is a no-op.
if(NOT TARGET ttemu::ttemu)
  if(NOT TT_EMULATOR_DIR OR NOT TT_EMULATOR_LIB_DIR)
    message(FATAL_ERROR "TTEmulator.cmake: set TT_EMULATOR_DIR and TT_EMULATOR_LIB_DIR first")
  endif()
  add_library(ttemu::ttemu SHARED IMPORTED)
  set_target_properties(ttemu::ttemu PROPERTIES
    IMPORTED_LOCATION ${TT_EMULATOR_LIB_DIR}/libttemu.so
    INTERFACE_INCLUDE_DIRECTORIES ${TT_EMULATOR_DIR}/include
    INTERFACE_COMPILE_FEATURES cxx_std_17)
endif()
